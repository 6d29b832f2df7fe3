import { gatewayService } from '../app.module';
import { GatewayConfig } from '../config';
import { routeTable } from './route-table';

const config = GatewayConfig.parse({ JWT_SECRET: 'x'.repeat(32) });
const routes = routeTable(gatewayService(config).module);

describe('the route table', () => {
  it('finds the routes of every controller', () => {
    const keys = routes.map((r) => r.key);
    for (const key of [
      'POST /v1/auth/signup',
      'GET /v1/me',
      'POST /v1/contacts',
      'GET /v1/contacts/:id/timeline',
      'DELETE /v1/api-keys/:id',
      'POST /v1/tags',
      'GET /v1/tags/operations/:id',
      'POST /v1/tags/:name/merge',
      'POST /v1/contacts/:id/channels/:channelId/consent',
      'POST /v1/suppressions',
      'GET /v1/suppressions',
      'GET /v1/suppressions/:id',
      'DELETE /v1/suppressions/:id',
      'GET /v1/dead-letters',
      'POST /v1/dead-letters/replay',
      'GET /health/ready',
    ])
      expect(keys).toContain(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // The guard refuses undeclared routes at run time; this fails the build before that.
  it('has every route declare its access: @Public, @SignedIn or @RequiresCapability', () => {
    const undeclared = routes.filter((r) => !r.access).map((r) => `${r.key} (${r.controller})`);
    expect(undeclared).toEqual([]);
  });

  it('keeps public routes to the ones that must be', () => {
    const open = routes.filter((r) => r.access?.kind === 'public').map((r) => r.key);
    expect(open.sort()).toEqual(
      [
        'GET /docs',
        'GET /health/db-commands',
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'GET /openapi.json',
        'POST /v1/auth/accept-invitation',
        'POST /v1/auth/login',
        'POST /v1/auth/refresh',
        'POST /v1/auth/signup',
      ].sort(),
    );
  });

  // The OpenAPI document takes summaries, inputs and responses from here (health and metrics come
  // from the runtime package and are documented in deploy/README.md).
  it('has every API route describe itself with @Operation', () => {
    const operator = (path: string) => path.startsWith('/health') || path === '/metrics';
    const bare = routes.filter((r) => !r.doc && !operator(r.path)).map((r) => r.key);
    expect(bare).toEqual([]);
  });

  it('validates the path parameters of every API route with a contract', () => {
    const unchecked = routes
      .filter((r) => r.path.includes('/:') && !r.inputs.params)
      .map((r) => r.key);
    expect(unchecked).toEqual([]);
  });
});
