import type { z } from 'zod';
import {
  loadConfig,
  startService,
  type RunningService,
  type ServiceOptions,
} from '@switchboard/runtime';
import type { TestNamespace } from './test-namespace';

/**
 * Starts a service inside the test process, configured for the test file's namespace (medium
 * tests: a real service against real storage, NATS and Redis, without a child process).
 */
export async function startInProcess<S extends z.ZodTypeAny>(
  ns: TestNamespace,
  service: string,
  schema: S,
  options: (config: z.infer<S>) => ServiceOptions,
  extraEnv: Record<string, string> = {},
): Promise<RunningService> {
  const config = loadConfig(schema, { ...ns.env(service), ...extraEnv });
  return startService(options(config));
}
