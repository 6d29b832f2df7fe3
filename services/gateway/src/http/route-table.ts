import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  MODULE_METADATA,
  PATH_METADATA,
} from '@nestjs/common/constants';
import { accessOf, type RouteAccess } from '../access/access.decorators';
import { ROUTE_DOC, ROUTE_INPUTS, type RouteDoc, type RouteInputs } from './route-contract';

/** One HTTP route of the gateway, as declared by its controller (no app needs to run). */
export interface RouteInfo {
  method: string;
  /** Nest style: `/v1/contacts/:id`. */
  path: string;
  /** `METHOD /path`: the key of registries that must cover every route. */
  key: string;
  controller: string;
  handler: string;
  access: RouteAccess | undefined;
  status: number;
  doc?: RouteDoc;
  inputs: RouteInputs;
}

type ModuleRef = Type | DynamicModule | Promise<DynamicModule>;

const isDynamic = (m: ModuleRef): m is DynamicModule =>
  typeof m === 'object' && m !== null && 'module' in m;

function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type[] {
  if (root instanceof Promise || seen.has(root)) return [];
  seen.add(root);
  const type = isDynamic(root) ? root.module : root;
  const meta = <T>(key: string) => (Reflect.getMetadata(key, type) as T[] | undefined) ?? [];
  const controllers = [
    ...meta<Type>(MODULE_METADATA.CONTROLLERS),
    ...(isDynamic(root) ? (root.controllers ?? []) : []),
  ];
  const imports = [
    ...meta<ModuleRef>(MODULE_METADATA.IMPORTS),
    ...((isDynamic(root) ? (root.imports ?? []) : []) as ModuleRef[]),
  ];
  return [...controllers, ...imports.flatMap((m) => controllersOf(m, seen))];
}

const first = (p: unknown): string => {
  const v: unknown = Array.isArray(p) ? p[0] : p;
  return typeof v === 'string' ? v : '';
};
const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every route of a module tree, from the controllers' decorator metadata. */
export const routeTable = (root: DynamicModule): RouteInfo[] => routesOf(controllersOf(root));

/** The routes of the given controllers. */
export function routesOf(controllers: Type[]): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const controller of new Set(controllers)) {
    const base = first(Reflect.getMetadata(PATH_METADATA, controller));
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (verb === undefined || !Reflect.hasMetadata(PATH_METADATA, handler)) continue;
      const method = RequestMethod[verb];
      const path = join(base, first(Reflect.getMetadata(PATH_METADATA, handler)));
      const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
      routes.push({
        method,
        path,
        key: `${method} ${path}`,
        controller: controller.name,
        handler: name,
        access: accessOf(handler, controller),
        status: code ?? (method === 'POST' ? 201 : 200),
        doc: Reflect.getMetadata(ROUTE_DOC, handler) as RouteDoc | undefined,
        inputs: (Reflect.getMetadata(ROUTE_INPUTS, handler) as RouteInputs | undefined) ?? {},
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
