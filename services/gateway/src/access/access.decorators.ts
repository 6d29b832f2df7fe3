import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Capability, RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';

export const IS_PUBLIC = 'switchboard:public';
export const REQUIRED_CAPABILITY = 'switchboard:capability';
/** Marks self-service routes (me, logout): any authenticated caller, no capability. */
export const SIGNED_IN = 'switchboard:signed-in';

/** The route needs no credentials. Every route says this, `@SignedIn` or `@RequiresCapability`. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs an authenticated caller and nothing more (it acts on the caller only). */
export const SignedIn = () => SetMetadata(SIGNED_IN, true);

/** The route needs an authenticated caller whose role grants `capability`. */
export const RequiresCapability = (capability: Capability) =>
  SetMetadata(REQUIRED_CAPABILITY, capability);

/** What a route declared; `undefined` means it declared nothing (and is refused). */
export type RouteAccess =
  { kind: 'public' } | { kind: 'signed_in' } | { kind: 'capability'; capability: Capability };

type Target = object;
const read = <T>(key: string, targets: Target[]): T | undefined => {
  for (const t of targets) {
    const v = Reflect.getMetadata(key, t) as T | undefined;
    if (v !== undefined) return v;
  }
  return undefined;
};

/** The access declaration of a handler (method first, then its controller class). */
export function accessOf(handler: Target, controller: Target): RouteAccess | undefined {
  const targets = [handler, controller];
  if (read<boolean>(IS_PUBLIC, targets)) return { kind: 'public' };
  const capability = read<Capability>(REQUIRED_CAPABILITY, targets);
  if (capability) return { kind: 'capability', capability };
  if (read<boolean>(SIGNED_IN, targets)) return { kind: 'signed_in' };
  return undefined;
}

/** Where the access guard leaves the caller's context on the request. */
export interface WithContext {
  switchboardCtx?: RequestContext;
  /** The refresh-token family of the access token, when the caller used one. */
  switchboardSession?: string;
}

/** The authenticated caller's RequestContext (on `@RequiresCapability` and `@SignedIn` routes). */
export const Ctx = createParamDecorator((_: unknown, ec: ExecutionContext): RequestContext => {
  const ctx = ec.switchToHttp().getRequest<WithContext>().switchboardCtx;
  if (!ctx) throw new AppError('internal', '@Ctx() used on a public route');
  return ctx;
});

/** The session id (refresh-token family) of the access token, if any. */
export const SessionId = createParamDecorator(
  (_: unknown, ec: ExecutionContext): string | undefined =>
    ec.switchToHttp().getRequest<WithContext>().switchboardSession,
);
