// The payments service as the standalone app runs it, for integration tests: the gateway (auth,
// validation, idempotency, problem+json, raw bodies) with the real WalletModule and PaymentsModule
// on the run's PostgreSQL, the in-process bus, an accounts publisher that opens ledger accounts,
// and the Stripe recorder as STRIPE_API_BASE. Webhooks are signed with the real library's
// `generateTestHeaderString` and verified by the production path. close() removes everything.
import { CredentialsService, startGatewayTestApp, type GatewayTestApp } from '@billing/gateway';
import { consoleLogger, InProcessBus } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { signStripeWebhook, stripeEvent, testDatabaseUrl, uniqueName } from '@billing/testing';
import { LedgerService, WalletModule, WalletProjections } from '@billing/wallet-service';
import type pg from 'pg';
import { PaymentsDatabase } from '../infrastructure/payments-database.js';
import { PaymentsModule } from '../payments.module.js';
import type { PaymentsConfig } from '../payments.options.js';
import { AccountsPublisher } from './accounts-publisher.js';
import { startStripeRecorder, type StripeIntent, type StripeRecorder } from '@billing/testing';

export const TEST_WEBHOOK_SECRET = 'whsec_test_payments_0123456789abcdef';
export const TEST_SECRET_KEY = 'sk_test_payments_0123456789';

export interface PaymentsTestAppOptions {
  /** false: no Stripe keys (card payments switched off). */
  stripe?: boolean;
  currency?: string;
}

const logger = consoleLogger('payments-test', 'error');

export class PaymentsTestApp {
  private readonly passwords = new Map<string, string>();

  private constructor(
    readonly gw: GatewayTestApp,
    readonly pool: pg.Pool,
    readonly bus: InProcessBus,
    readonly accounts: AccountsPublisher,
    readonly recorder: StripeRecorder,
    private readonly schemas: string[],
  ) {}

  static async start(options: PaymentsTestAppOptions = {}): Promise<PaymentsTestApp> {
    const pool = createPool(testDatabaseUrl(), { max: 20, applicationName: 'payments-test' });
    const bus = new InProcessBus({ logger, pollIntervalMs: 50, consumer: { backoff: { initialDelayMs: 20, maxDelayMs: 200, multiplier: 2 } } });
    const recorder = await startStripeRecorder();
    const [walletSchema, paymentsSchema, accountsSchema] = [uniqueName('wallet'), uniqueName('payments'), uniqueName('accounts_src')];
    const accountsService = uniqueName('accounts');
    const accounts = await AccountsPublisher.start(pool, bus, accountsSchema, accountsService);
    const config: PaymentsConfig = {
      stripeSecretKey: options.stripe === false ? undefined : TEST_SECRET_KEY,
      stripeWebhookSecret: options.stripe === false ? undefined : TEST_WEBHOOK_SECRET,
      stripeApiBase: recorder.baseUrl,
      billingCurrency: options.currency ?? 'USD',
    };
    const gw = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema: uniqueName('gw'),
      imports: [
        WalletModule.forRoot({ pool, bus, schema: walletSchema, service: uniqueName('wallet_svc'), accountsService, holdSweepIntervalMs: 0, projectionPollIntervalMs: 50 }),
        PaymentsModule.forRoot({ pool, config, schema: paymentsSchema, stripeMaxNetworkRetries: 0 }),
      ],
    });
    return new PaymentsTestApp(gw, pool, bus, accounts, recorder, [walletSchema, paymentsSchema, accountsSchema]);
  }

  get ledger(): LedgerService {
    return this.gw.app.get(LedgerService);
  }

  get payments(): PaymentsDatabase {
    return this.gw.app.get(PaymentsDatabase);
  }

  /** A login for an agent or customer; returns its access token. */
  async token(role: 'agent' | 'customer' | 'admin', subjectId: string): Promise<string> {
    if (role === 'admin') return this.gw.login('admin', this.gw.adminPassword!);
    const username = `${role}-${subjectId}`.toLowerCase();
    let password = this.passwords.get(username);
    if (password === undefined) {
      password = `pw-${subjectId}-0123456789`;
      await this.gw.app.get(CredentialsService).createLogin({ username, password, role, subjectId });
      this.passwords.set(username, password);
    }
    return this.gw.login(username, password);
  }

  async openAgent(agentId: string, commissionPercent = '10'): Promise<void> {
    await this.accounts.agentRegistered(agentId, commissionPercent);
    await this.waitForAccount(`commission:${agentId}`);
  }

  async openCustomer(customerId: string, agentId: string | null): Promise<void> {
    await this.accounts.customerOpened(customerId, agentId);
    await this.waitForAccount(`customer:${customerId}`);
  }

  /** The ledger's own account state (not a projection). */
  async account(accountId: `agent:${string}` | `commission:${string}` | `customer:${string}`) {
    const { account } = await this.ledger.accounts.loadFromStore(accountId);
    if (account.state.status === 'unopened') throw new Error(`${accountId} is not opened`);
    return account.state;
  }

  async balanceMicros(accountId: `agent:${string}` | `commission:${string}` | `customer:${string}`): Promise<bigint> {
    return (await this.account(accountId)).balanceMicros;
  }

  private async waitForAccount(accountId: `agent:${string}` | `commission:${string}` | `customer:${string}`): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ((await this.ledger.accounts.loadFromStore(accountId)).account.state.status === 'unopened') {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${accountId}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await this.waitForProjections();
  }

  /** The card endpoint checks the account through the wallet's projection. */
  async waitForProjections(): Promise<void> {
    await this.gw.app.get(WalletProjections).waitForCatchUp();
  }

  request(method: string, path: string, options: Parameters<GatewayTestApp['request']>[2] = {}) {
    return this.gw.request(method, path, options);
  }

  /** POST /payments/card-deposits as this caller. */
  startCardDeposit(token: string, body: unknown, idempotencyKey?: string) {
    return this.request('POST', '/api/v1/payments/card-deposits', { token, body, ...(idempotencyKey === undefined ? {} : { headers: { 'Idempotency-Key': idempotencyKey } }) });
  }

  /** Sends the event as Stripe does: the exact JSON bytes, signed (or with the given signature header). */
  sendWebhook(event: object | string, options: { secret?: string; signature?: string | null; timestamp?: number } = {}) {
    const payload = typeof event === 'string' ? event : JSON.stringify(event, null, 2);
    const signature =
      options.signature === undefined
        ? signStripeWebhook(payload, options.secret ?? TEST_WEBHOOK_SECRET, options.timestamp)
        : options.signature;
    return this.request('POST', '/api/v1/webhooks/stripe', {
      rawBody: payload,
      headers: { 'content-type': 'application/json; charset=utf-8', ...(signature === null ? {} : { 'stripe-signature': signature }) },
    });
  }

  async close(): Promise<void> {
    await this.gw.close();
    await this.accounts.stop();
    await this.bus.close();
    await this.recorder.close();
    for (const schema of this.schemas) await this.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await this.pool.end();
  }
}

// ── Stripe events as Stripe sends them: the envelope and payment_intent.succeeded are @billing/testing's ──
export { paymentIntentSucceeded, stripeId } from '@billing/testing';

export function chargeRefunded(intent: StripeIntent, amountRefunded: number) {
  return stripeEvent('charge.refunded', {
    id: `ch_for_${intent.id}`,
    object: 'charge',
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: amountRefunded,
    refunded: amountRefunded >= intent.amount,
    currency: intent.currency,
    payment_intent: intent.id,
    metadata: intent.metadata,
    status: 'succeeded',
  });
}

export function disputeEvent(type: 'charge.dispute.created' | 'charge.dispute.closed', intent: StripeIntent, dispute: { id: string; status: string }) {
  return stripeEvent(type, {
    id: dispute.id,
    object: 'dispute',
    amount: intent.amount,
    charge: `ch_for_${intent.id}`,
    currency: intent.currency,
    payment_intent: intent.id,
    reason: 'fraudulent',
    status: dispute.status,
  });
}
