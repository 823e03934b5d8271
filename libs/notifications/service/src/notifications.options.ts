// What the notifications module needs from the process that runs it. The entry point owns the
// pool and the bus; the module owns its event store, its consumers and its delivery worker.
import type { BackoffPolicy, IntegrationBus, MessagingLogger } from '@billing/messaging';
import { assertRateLimit, assertRetryPolicy, DEFAULT_RETRY_POLICY, type RateLimit, type RetryPolicy } from '@billing/notifications-domain';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import { parseSmtpUrl, type SmtpSettings } from './delivery/smtp-settings.js';

export interface MailOptions {
  /** SMTP_URL; unset = mail disabled: notifications are recorded as skipped ('mail-disabled'). */
  smtpUrl: string | undefined;
  /** MAIL_FROM, required with smtpUrl: `billing@itc.example` or `ITC Billing <billing@itc.example>`. */
  from: string | undefined;
  /** PORTAL_URL: the link e-mails give for topping up and settings. */
  portalUrl: string;
  /** BILLING_CURRENCY (ISO 4217), shown next to amounts. */
  currency: string;
  /** MAIL_BATCH_CREDENTIALS: mail the agent when ITC opens a batch of its customers. */
  batchMail: boolean;
}

export interface DeliveryOptions {
  /** MAIL_RATE_PER_SECOND / MAIL_RATE_BURST: token bucket per instance (default 5/s, burst 10). */
  rate: RateLimit;
  /** temporary failures: exponential backoff, bounded attempts (MAIL_MAX_ATTEMPTS). */
  retry: RetryPolicy;
  /** how often the worker looks for due notifications when nothing woke it (default 1 s). */
  pollIntervalMs: number;
  /** nodemailer's connection, greeting, socket and DNS timeouts (default 20 s each). */
  sendTimeoutMs: number;
  /** a claimed notification is another instance's to retry after this; ≥ 4 × sendTimeoutMs (default 120 s). */
  leaseMs: number;
  /** messages in flight at once per instance (default 2). */
  maxConcurrentSends: number;
}

export interface IntakeOptions {
  /** tries per integration event before it is dead-lettered (default 20). */
  maxAttempts: number;
  /** between tries, e.g. while a recipient's accounts events are still on the way (default 0.2 s … 10 s). */
  backoff: BackoffPolicy;
}

export interface NotificationsModuleOptions {
  pool: pg.Pool;
  /** the bus `accounts.events.v1` and `wallet.events.v1` are consumed from (Kafka or in-process). */
  bus: IntegrationBus;
  /** PostgreSQL schema of the event store and read models (default `notifications`). */
  schema?: string;
  /** consumer group and inbox name (default `notifications`; the recipients projection adds `-recipients`). */
  service?: string;
  /** the producing services whose `<service>.events.v1` topics are consumed. */
  sources?: { accounts?: string; wallet?: string };
  mail: MailOptions;
  delivery?: Partial<DeliveryOptions>;
  intake?: Partial<IntakeOptions>;
  /** events older than this are recorded as skipped ('stale'), e.g. after a long outage (default 3 days). */
  maxEventAgeMs?: number;
  clock?: () => Date;
  /** names this process in claims (default host + pid + random). */
  instanceId?: string;
  /** the bus's consumers log through this (default: the messaging console logger). */
  logger?: MessagingLogger;
}

export interface ResolvedNotificationsOptions {
  bus: IntegrationBus;
  pool: pg.Pool;
  schema: string;
  service: string;
  sources: { accounts: string; wallet: string };
  mail: MailOptions & { smtp: SmtpSettings | undefined };
  delivery: DeliveryOptions;
  intake: IntakeOptions;
  maxEventAgeMs: number;
  clock: () => Date;
  instanceId: string;
  logger: MessagingLogger | undefined;
}

export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

export const DEFAULT_DELIVERY: DeliveryOptions = Object.freeze({
  rate: { ratePerSecond: 5, burst: 10 },
  retry: DEFAULT_RETRY_POLICY,
  pollIntervalMs: 1_000,
  sendTimeoutMs: 20_000,
  leaseMs: 120_000,
  maxConcurrentSends: 2,
});

const DAY_MS = 86_400_000;

export function resolveNotificationsOptions(options: NotificationsModuleOptions): ResolvedNotificationsOptions {
  const delivery = { ...DEFAULT_DELIVERY, ...options.delivery };
  assertRateLimit(delivery.rate);
  assertRetryPolicy(delivery.retry);
  between('pollIntervalMs', delivery.pollIntervalMs, 10, 60_000);
  between('sendTimeoutMs', delivery.sendTimeoutMs, 100, 300_000);
  between('maxConcurrentSends', delivery.maxConcurrentSends, 1, 32);
  // A claim must outlive the slowest send it covers, or a second instance could send it as well.
  between('leaseMs', delivery.leaseMs, 4 * delivery.sendTimeoutMs, 3_600_000);
  const intake: IntakeOptions = { maxAttempts: 20, backoff: { initialDelayMs: 200, maxDelayMs: 10_000, multiplier: 2 }, ...options.intake };
  between('intake.maxAttempts', intake.maxAttempts, 1, 100);
  const maxEventAgeMs = options.maxEventAgeMs ?? 3 * DAY_MS;
  between('maxEventAgeMs', maxEventAgeMs, 1, 365 * DAY_MS);
  const { mail } = options;
  if (mail.smtpUrl !== undefined && mail.from === undefined) throw new Error('notifications: MAIL_FROM must be set when SMTP_URL is set');
  return {
    bus: options.bus,
    pool: options.pool,
    schema: options.schema ?? 'notifications',
    service: options.service ?? 'notifications',
    sources: { accounts: options.sources?.accounts ?? 'accounts', wallet: options.sources?.wallet ?? 'wallet' },
    mail: { ...mail, portalUrl: mail.portalUrl.replace(/\/+$/, ''), smtp: mail.smtpUrl === undefined ? undefined : parseSmtpUrl(mail.smtpUrl) },
    delivery,
    intake,
    maxEventAgeMs,
    clock: options.clock ?? (() => new Date()),
    instanceId: options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    logger: options.logger,
  };
}

function between(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`notifications: ${name} must be an integer ${min}..${max}, got ${value}`);
}
