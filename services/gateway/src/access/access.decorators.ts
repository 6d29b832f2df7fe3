import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Capability, RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';

export const IS_PUBLIC = 'switchboard:public';
export const REQUIRED_CAPABILITY = 'switchboard:capability';

/** The route needs no credentials. Every route says this or `@RequiresCapability`. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs an authenticated caller whose role grants `capability`. */
export const RequiresCapability = (capability: Capability) =>
  SetMetadata(REQUIRED_CAPABILITY, capability);

/** Where the access guard leaves the caller's context on the request. */
export interface WithContext {
  switchboardCtx?: RequestContext;
}

/** The authenticated caller's RequestContext (only on `@RequiresCapability` routes). */
export const Ctx = createParamDecorator((_: unknown, ec: ExecutionContext): RequestContext => {
  const ctx = ec.switchToHttp().getRequest<WithContext>().switchboardCtx;
  if (!ctx) throw new AppError('internal', '@Ctx() used on a route without @RequiresCapability');
  return ctx;
});
