// A real app (gateway + NotificationsModule) on the run's PostgreSQL for integration tests, with
// test-speed delivery settings. Two apps started one after the other on the same `schema` are the
// same service restarted.
import { startGatewayTestApp, TEST_ADMIN_PASSWORD, type GatewayTestApp } from '@billing/gateway';
import type { IntegrationBus } from '@billing/messaging';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import type pg from 'pg';
import type { NotificationView } from '../http/notifications.queries.js';
import { NotificationsModule } from '../notifications.module.js';
import type { DeliveryOptions, NotificationsModuleOptions } from '../notifications.options.js';

export const FAST_DELIVERY: DeliveryOptions = {
  rate: { ratePerSecond: 200, burst: 50 },
  retry: { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 400, multiplier: 2 },
  pollIntervalMs: 50,
  sendTimeoutMs: 2_000,
  leaseMs: 8_000,
  maxConcurrentSends: 2,
};

export interface AppSettings {
  bus: IntegrationBus;
  pool: pg.Pool;
  schema: string;
  sources: { accounts: string; wallet: string };
  smtpUrl?: string;
  batchMail?: boolean;
  delivery?: Partial<DeliveryOptions>;
  service?: string;
}

export interface NotificationsApp {
  gateway: GatewayTestApp;
  /** GET /api/v1/notifications as admin: every page, newest first. */
  listAll(query?: string): Promise<NotificationView[]>;
  close(): Promise<void>;
}

export async function startNotificationsApp(settings: AppSettings): Promise<NotificationsApp> {
  const options: NotificationsModuleOptions = {
    pool: settings.pool,
    bus: settings.bus,
    schema: settings.schema,
    sources: settings.sources,
    ...(settings.service === undefined ? {} : { service: settings.service }),
    mail: { smtpUrl: settings.smtpUrl, from: 'ITC Billing <billing@itc.example>', portalUrl: 'https://portal.itc.example', currency: 'USD', batchMail: settings.batchMail ?? false },
    delivery: { ...FAST_DELIVERY, ...settings.delivery },
    intake: { maxAttempts: 40, backoff: { initialDelayMs: 50, maxDelayMs: 500, multiplier: 2 } },
  };
  const gateway = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('gw_notif'), imports: [NotificationsModule.forRoot(options)] });
  const token = await gateway.login('admin', TEST_ADMIN_PASSWORD);
  return {
    gateway,
    async listAll(query = '') {
      const items: NotificationView[] = [];
      let cursor: string | null = null;
      do {
        const separator = query === '' ? '' : '&';
        const res = await gateway.request('GET', `/api/v1/notifications?limit=200${separator}${query}${cursor === null ? '' : `&cursor=${cursor}`}`, { token });
        if (res.status !== 200) throw new Error(`GET /notifications: ${res.status} ${res.text}`);
        items.push(...(res.body.items as NotificationView[]));
        cursor = res.body.nextCursor as string | null;
      } while (cursor !== null);
      return items;
    },
    close: () => gateway.close(),
  };
}
