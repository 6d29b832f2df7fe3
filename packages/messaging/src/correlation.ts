import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What rides along a unit of work, from the HTTP request to the last consumer. */
export interface Correlation {
  requestId: string;
  workspaceId?: string;
  traceparent?: string;
}

const storage = new AsyncLocalStorage<Correlation>();

export const REQUEST_ID_HEADER = 'x-request-id';
export const TRACEPARENT_HEADER = 'traceparent';

export const runWithCorrelation = <T>(c: Correlation, fn: () => T): T => storage.run(c, fn);
export const currentCorrelation = (): Correlation | undefined => storage.getStore();
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;
export const newRequestId = (): string => randomUUID();
