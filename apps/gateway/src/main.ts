// Distributed mode: the public HTTP API. Answers login, /health, /api/docs and the reports
// (summary + the live SSE feed, read models of every service's events) itself, and forwards
// every other /api/v1 path to the service process that owns it (ACCOUNTS_URL, WALLET_URL,
// RATING_URL, NOTIFICATIONS_URL; routing table in libs/gateway/src/proxy/service-routes.ts).
import { portalDirFor, runServiceProcess, SERVICE_NAMES, SERVICE_URL_ENV, serviceProxy, type ServiceName } from '@billing/gateway';
import { ReportsModule } from '@billing/reports-service';
import { documentedModules } from './documented-modules.js';

const upstreams = () => Object.fromEntries(SERVICE_NAMES.map((name) => [name, process.env[SERVICE_URL_ENV[name]]!])) as Record<ServiceName, string>;

await runServiceProcess({
  name: 'gateway',
  requiredEnv: Object.values(SERVICE_URL_ENV),
  modules: ({ pool, bus }) => [ReportsModule.forRoot({ pool, bus })],
  // /api/docs: every route the public API answers, the services' included
  openApiModules: documentedModules,
  // the web portal at `/` (PORTAL_DIR, else dist/portal next to dist/apps)
  portalDir: (config) => portalDirFor(config, import.meta.url),
  // a command's 2xx waits until the reports consumer here handled the events it committed
  beforeRoutes: ({ handledEvents }) => [
    serviceProxy({ upstreams: upstreams(), ...(handledEvents === undefined ? {} : { handledEvents }) }),
  ],
});
