import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The SDK path a deployment takes, in a child process as a service runs (jest cannot host the
 * exporter's dynamic imports): with `OTEL_EXPORTER_OTLP_ENDPOINT` set, `startTracing` loads
 * `@opentelemetry/sdk-node` and a span reaches an OTLP/HTTP receiver (a local server here);
 * without it nothing is sent. Uses the built package (`pnpm build` first).
 */
const run = promisify(execFile);
const DIST = join(__dirname, '..', 'dist');
const SCRIPT = `
const { startTracing, ServiceTracer } = require(${JSON.stringify(DIST)});
(async () => {
  const tracing = startTracing('contacts');
  await new ServiceTracer('contacts').inSpan('work', {}, async () => 'done');
  await tracing.shutdown();
  process.stdout.write(JSON.stringify({ enabled: tracing.enabled }));
})();
`;

let server: Server;
const received: { path: string; type?: string; bytes: number }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      received.push({ path: req.url ?? '', type: req.headers['content-type'], bytes });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (received.length = 0));

const service = async (env: Record<string, string>) => {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')),
  );
  const { stdout } = await run(process.execPath, ['-e', SCRIPT], { env: { ...clean, ...env } });
  return JSON.parse(stdout) as { enabled: boolean };
};

it('exports spans over OTLP/HTTP to the endpoint the variables name', async () => {
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  expect(await service({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toEqual({ enabled: true });
  expect(received).toEqual([
    expect.objectContaining({ path: '/v1/traces', type: 'application/x-protobuf' }),
  ]);
  expect(received[0].bytes).toBeGreaterThan(0);
});

it('sends nothing when no variable asks for traces', async () => {
  expect(await service({})).toEqual({ enabled: false });
  expect(received).toEqual([]);
});
