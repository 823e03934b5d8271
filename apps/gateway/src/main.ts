// Distributed mode: the public HTTP API. Answers login, /health, /api/docs and the reports
// (summary + the live SSE feed, read models of every service's events) itself, and forwards
// every other /api/v1 path to the service process that owns it (ACCOUNTS_URL, WALLET_URL,
// RATING_URL, NOTIFICATIONS_URL; routing table in libs/gateway/src/proxy/service-routes.ts).
import { AccountsModule } from '@billing/accounts-service';
import { runServiceProcess, SERVICE_NAMES, SERVICE_URL_ENV, serviceProxy, type ServiceName } from '@billing/gateway';
import { NotificationsModule, notificationsOptionsFrom } from '@billing/notifications-service';
import { PaymentsModule } from '@billing/payments-service';
import { RatingModule } from '@billing/rating-service';
import { ReportsModule } from '@billing/reports-service';
import { WalletCalls, WalletModule } from '@billing/wallet-service';

const upstreams = () => Object.fromEntries(SERVICE_NAMES.map((name) => [name, process.env[SERVICE_URL_ENV[name]]!])) as Record<ServiceName, string>;

await runServiceProcess({
  name: 'gateway',
  requiredEnv: Object.values(SERVICE_URL_ENV),
  modules: ({ pool, bus }) => [ReportsModule.forRoot({ pool, bus })],
  // /api/docs: every route the public API answers, the services' included (built in preview: their
  // modules are read for routes and schemas, never started here)
  openApiModules: (context) => [
    AccountsModule.forRoot({ pool: context.pool, bus: context.bus, sipRealm: context.config.sipRealm }),
    WalletModule.forRoot({ pool: context.pool, bus: context.bus }),
    PaymentsModule.forRoot({ pool: context.pool, config: context.config }),
    RatingModule.forRoot({ pool: context.pool, bus: context.bus, wallet: WalletCalls }),
    NotificationsModule.forRoot(notificationsOptionsFrom(context)),
    ReportsModule.forRoot({ pool: context.pool, bus: context.bus }),
  ],
  beforeRoutes: () => [
    serviceProxy({ upstreams: upstreams() }),
  ],
});
