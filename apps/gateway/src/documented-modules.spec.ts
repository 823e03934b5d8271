// The distributed gateway's /api/docs documents the routes the public API answers: every service's
// (forwarded by the routing table) besides the gateway's own — not only the latter, as before.
import { loadGatewayConfig, previewOpenApiDocument, SERVICE_NAMES, serviceFor } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import pg from 'pg';
import { documentedModules } from './documented-modules.js';

it("documents every service's routes, each one a path the gateway forwards to its service or answers itself", async () => {
  const pool = new pg.Pool({ max: 1 }); // never connected: nothing starts in preview
  const bus = new InProcessBus({ logger: silentLogger });
  try {
    const document = await previewOpenApiDocument(documentedModules({ config: loadGatewayConfig({}), pool, bus }));
    const paths = Object.keys(document.paths);
    expect(paths.length).toBeGreaterThan(60);
    const served = new Map(SERVICE_NAMES.map((name) => [name, paths.filter((path) => serviceFor(path.replace(/\{[^}]+\}/g, 'x')) === name)]));
    for (const name of SERVICE_NAMES) expect({ name, documented: (served.get(name) ?? []).length > 0 }).toEqual({ name, documented: true });
    // what the gateway forwards to no service is its own: login, health, reports and the portal's
    // config (mounted with the reports; internal routes are called service to service, at the owning service's URL)
    const own = paths.filter((path) => !path.startsWith('/api/v1/internal/') && serviceFor(path.replace(/\{[^}]+\}/g, 'x')) === undefined);
    expect(own.filter((path) => !/^\/api\/v1\/(auth|reports|portal)\/|^\/health$/.test(path))).toEqual([]);
    expect(own).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/health', '/api/v1/reports/summary', '/api/v1/portal/config']));
    // internal routes take the internal service key as a bearer token only: never the switch's
    // HTTP Basic (a route with @Roles('switch') would), never unauthenticated
    const internal = Object.entries(document.paths).filter(([path]) => path.startsWith('/api/v1/internal/'));
    expect(internal.length).toBeGreaterThan(5);
    for (const [path, operations] of internal) {
      for (const [method, operation] of Object.entries(operations as Record<string, { security?: unknown }>)) {
        expect({ route: `${method} ${path}`, security: operation.security }).toEqual({ route: `${method} ${path}`, security: [{ bearer: [] }] });
      }
    }
  } finally {
    await bus.close();
    await pool.end();
  }
});
