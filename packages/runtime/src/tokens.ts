/** Injection token for the running service's name (`contacts`, `activity`, …). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
