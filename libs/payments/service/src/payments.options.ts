// What the payments module needs from the deployment's configuration (docs/API.md): the Stripe keys
// (both or neither: without them the card endpoints answer 503 and the product still runs), the
// API base (tests point it at a local recorder) and the one billing currency.
import type { GatewayConfig } from '@billing/gateway';
import type pg from 'pg';

export const PAYMENTS_OPTIONS = Symbol('PAYMENTS_OPTIONS');

export type PaymentsConfig = Pick<GatewayConfig, 'stripeSecretKey' | 'stripeWebhookSecret' | 'stripeApiBase' | 'billingCurrency'>;

export interface PaymentsModuleOptions {
  pool: pg.Pool;
  /** the GatewayConfig itself in the apps. */
  config: PaymentsConfig;
  /** PostgreSQL schema of the payments event store (default `payments`). */
  schema?: string;
  /** how old a webhook signature may be (default Stripe's 300 s). */
  webhookToleranceSeconds?: number;
  /** retries of the Stripe client on network errors and 409/5xx (default 2; it sends the same Idempotency-Key). */
  stripeMaxNetworkRetries?: number;
  /** Stripe request timeout (default 30 s). */
  stripeTimeoutMs?: number;
  clock?: () => Date;
}

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  apiBase: string;
}

export interface ResolvedPaymentsOptions {
  pool: pg.Pool;
  schema: string;
  /** undefined: card payments are switched off (503). */
  stripe: StripeSettings | undefined;
  currency: string;
  webhookToleranceSeconds: number;
  stripeMaxNetworkRetries: number;
  stripeTimeoutMs: number;
  clock: () => Date;
}

export function resolvePaymentsOptions(options: PaymentsModuleOptions): ResolvedPaymentsOptions {
  const { stripeSecretKey, stripeWebhookSecret, stripeApiBase, billingCurrency } = options.config;
  return {
    pool: options.pool,
    schema: options.schema ?? 'payments',
    stripe:
      stripeSecretKey === undefined || stripeWebhookSecret === undefined
        ? undefined
        : { secretKey: stripeSecretKey, webhookSecret: stripeWebhookSecret, apiBase: stripeApiBase },
    currency: billingCurrency,
    webhookToleranceSeconds: options.webhookToleranceSeconds ?? 300,
    stripeMaxNetworkRetries: options.stripeMaxNetworkRetries ?? 2,
    stripeTimeoutMs: options.stripeTimeoutMs ?? 30_000,
    clock: options.clock ?? (() => new Date()),
  };
}
