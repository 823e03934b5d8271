// The notifications' own environment variables (docs/API.md has SMTP_URL, MAIL_FROM, PORTAL_URL and
// BILLING_CURRENCY, read by the gateway's config): read once at start, validated, all problems at once.
import { ConfigError, type GatewayConfig } from '@billing/gateway';
import type { IntegrationBus } from '@billing/messaging';
import type pg from 'pg';
import { z } from 'zod';
import { DEFAULT_DELIVERY, type DeliveryOptions, type NotificationsModuleOptions } from './notifications.options.js';

export const NOTIFICATIONS_ENV_VARIABLES = ['MAIL_BATCH_CREDENTIALS', 'MAIL_RATE_PER_SECOND', 'MAIL_RATE_BURST', 'MAIL_MAX_ATTEMPTS'] as const;

export interface NotificationsEnv {
  batchMail: boolean;
  delivery: Pick<DeliveryOptions, 'rate' | 'retry'>;
}

const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const integer = (min: number, max: number) =>
  z.preprocess(unset, z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).refine((n) => n >= min && n <= max, `must be ${min}..${max}`).optional());

const Env = z.object({
  MAIL_BATCH_CREDENTIALS: z.preprocess(unset, z.enum(['true', 'false'], { error: 'must be true or false' }).optional()),
  MAIL_RATE_PER_SECOND: integer(1, 10_000),
  MAIL_RATE_BURST: integer(1, 10_000),
  MAIL_MAX_ATTEMPTS: integer(1, 100),
});

export function loadNotificationsEnv(env: NodeJS.ProcessEnv = process.env): NotificationsEnv {
  const parsed = Env.safeParse(Object.fromEntries(NOTIFICATIONS_ENV_VARIABLES.map((name) => [name, env[name]])));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`));
  const e = parsed.data;
  return {
    batchMail: e.MAIL_BATCH_CREDENTIALS === 'true',
    delivery: {
      rate: { ratePerSecond: e.MAIL_RATE_PER_SECOND ?? DEFAULT_DELIVERY.rate.ratePerSecond, burst: e.MAIL_RATE_BURST ?? DEFAULT_DELIVERY.rate.burst },
      retry: { ...DEFAULT_DELIVERY.retry, maxAttempts: e.MAIL_MAX_ATTEMPTS ?? DEFAULT_DELIVERY.retry.maxAttempts },
    },
  };
}

/** The module's options in a process that runs the gateway: its config plus the variables above. */
export function notificationsOptionsFrom(
  context: { config: Pick<GatewayConfig, 'smtpUrl' | 'mailFrom' | 'portalUrl' | 'billingCurrency'>; pool: pg.Pool; bus: IntegrationBus },
  env: NodeJS.ProcessEnv = process.env,
): NotificationsModuleOptions {
  const { config } = context;
  const own = loadNotificationsEnv(env);
  return {
    pool: context.pool,
    bus: context.bus,
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, portalUrl: config.portalUrl, currency: config.billingCurrency, batchMail: own.batchMail },
    delivery: own.delivery,
  };
}
