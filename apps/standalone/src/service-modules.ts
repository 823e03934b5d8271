// The service modules that run in this process (standalone: all of them). Each
// service lib exports a Nest module; add it here with what it needs — its controllers then
// sit under /api/v1 behind the gateway's auth, validation, idempotency and problem errors.
import { AccountsModule, AccountsHistory, type AccountsModuleOptions } from '@billing/accounts-service';
import type { GatewayAppOptions, GatewayConfig } from '@billing/gateway';
import type { IntegrationBus } from '@billing/messaging';
import { NotificationsModule, notificationsOptionsFrom } from '@billing/notifications-service';
import { PaymentsModule } from '@billing/payments-service';
import { ReportsModule } from '@billing/reports-service';
import { maxCallSecondsFromEnv, RatingAccountsCatchUp, RatingModule, RatingSheetCatalog, type RatingModuleOptions } from '@billing/rating-service';
import { WalletAccountsCatchUp, WalletAgentFunds, WalletCalls, WalletModule, type WalletModuleOptions } from '@billing/wallet-service';
import type pg from 'pg';

export interface ServiceContext {
  config: GatewayConfig;
  pool: pg.Pool;
  /** one bus for every module: in-process consumers find the producers' sources on it. */
  bus: IntegrationBus;
  /** SIP digest realm (SIP_REALM): the HA1s of customers are computed for it. */
  sipRealm: string;
}

/**
 * What a spec may change in the money path's wiring (its own schemas, sweeps off, the consumers or
 * the accounts history swapped); the ports between the three stay the product's.
 */
export interface MoneyPathOverrides {
  accounts?: Partial<AccountsModuleOptions>;
  wallet?: Partial<WalletModuleOptions>;
  rating?: Partial<RatingModuleOptions>;
}

/** Accounts, wallet and rating wired to each other in process — the product's composition, shared with the standalone specs. */
export function moneyPathModules(context: Omit<ServiceContext, 'config'>, overrides: MoneyPathOverrides = {}): NonNullable<GatewayAppOptions['imports']> {
  const { pool, bus, sipRealm } = context;
  return [
    // reserves a new customer's agent-funded initial balance in the wallet (WalletAgentFunds) before
    // it opens the customer, and asks rating (RatingSheetCatalog) whether a rate sheet it is to assign exists;
    // a change to an existing customer or agent is answered once rating has applied it (RatingAccountsCatchUp),
    // a change or an opening once the wallet has (WalletAccountsCatchUp: a new customer's balance reads at once)
    AccountsModule.forRoot({ pool, bus, sipRealm, agentFunds: WalletAgentFunds, rateSheets: RatingSheetCatalog, catchUps: [RatingAccountsCatchUp, WalletAccountsCatchUp], ...overrides.accounts }),
    // consumes accounts.events.v1 from the same bus; publishes wallet.events.v1 (schema `wallet`); a customer or
    // agent it has not consumed yet is taken from accounts' AccountsHistory at once (its events, through the consumer)
    WalletModule.forRoot({ pool, bus, accountsHistory: AccountsHistory, ...overrides.wallet }),
    // consumes accounts.events.v1, publishes rating.events.v1 (schema `rating`); holds through the wallet's WalletCalls
    RatingModule.forRoot({ pool, bus, wallet: WalletCalls, maxCallSeconds: maxCallSecondsFromEnv(), accountsHistory: AccountsHistory, ...overrides.rating }),
  ];
}

export function serviceModules(context: ServiceContext): NonNullable<GatewayAppOptions['imports']> {
  const [accounts, wallet, rating] = moneyPathModules(context);
  return [
    accounts!,
    wallet!,
    // card payments: STRIPE_SECRET_KEY + STRIPE_WEBHOOK_SECRET (unset = the card endpoints answer 503), STRIPE_API_BASE, BILLING_CURRENCY; schema `payments`
    PaymentsModule.forRoot({ pool: context.pool, config: context.config }),
    rating!,
    // SMTP_URL, MAIL_FROM, PORTAL_URL, BILLING_CURRENCY from the config; MAIL_BATCH_CREDENTIALS, MAIL_RATE_* from the env.
    NotificationsModule.forRoot(notificationsOptionsFrom(context)),
    // consumes accounts, wallet and rating events into schema `reports`; GET /reports/summary, /reports/live (SSE)
    ReportsModule.forRoot({ pool: context.pool, bus: context.bus }),
  ];
}
