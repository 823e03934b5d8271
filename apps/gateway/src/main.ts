// Distributed mode: the public HTTP API. Answers login, /health, /api/docs and the reports
// (summary + the live SSE feed, read models of every service's events) itself, and forwards
// every other /api/v1 path to the service process that owns it (ACCOUNTS_URL, WALLET_URL,
// RATING_URL, NOTIFICATIONS_URL; routing table in libs/gateway/src/proxy/service-routes.ts).
import { runServiceProcess, serviceProxy } from '@billing/gateway';
import { ReportsModule } from '@billing/reports-service';

const UPSTREAM_ENV = { accounts: 'ACCOUNTS_URL', wallet: 'WALLET_URL', rating: 'RATING_URL', notifications: 'NOTIFICATIONS_URL' } as const;

await runServiceProcess({
  name: 'gateway',
  requiredEnv: Object.values(UPSTREAM_ENV),
  modules: ({ pool, bus }) => [ReportsModule.forRoot({ pool, bus })],
  beforeRoutes: () => [
    serviceProxy({
      upstreams: {
        accounts: process.env[UPSTREAM_ENV.accounts]!,
        wallet: process.env[UPSTREAM_ENV.wallet]!,
        rating: process.env[UPSTREAM_ENV.rating]!,
        notifications: process.env[UPSTREAM_ENV.notifications]!,
      },
    }),
  ],
});
