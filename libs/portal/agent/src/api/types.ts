// The agent pages' answers, by name, from the generated client (the OpenAPI response schemas).
// Money fields are decimal strings.
import type { paths } from '@billing/portal-api-client';

type Json<P extends keyof paths, M extends 'get' | 'post', S extends 200 | 201> = paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;
type Ok<P extends keyof paths, M extends 'get' | 'post'> = Json<P, M, 200>;
type Created<P extends keyof paths> = Json<P, 'post', 201>;

export type AgentOverview = Ok<'/api/v1/agents/{id}/overview', 'get'>;

export type BalancePage = Ok<'/api/v1/wallet/balances', 'get'>;
export type BalanceRow = BalancePage['items'][number];

export type CustomerBalance = Ok<'/api/v1/customers/{id}/balance', 'get'>;

/** POST /customers/{id}/deposits by an agent: a transfer from its main balance. */
export type TransferReceipt = Extract<Created<'/api/v1/customers/{id}/deposits'>, { kind: 'transfer' }>;

export type CommissionTransferReceipt = Created<'/api/v1/agents/{id}/commission-transfers'>;

export type LedgerPage = Ok<'/api/v1/customers/{id}/transactions', 'get'>;
export type LedgerLine = LedgerPage['items'][number];

/** The agent's own main-balance lines and commission lines (docs/API.md §7). */
export type AgentLedgerPage = Ok<'/api/v1/agents/{id}/transactions', 'get'>;
export type CommissionPage = Ok<'/api/v1/agents/{id}/commissions', 'get'>;

export type CardDepositIntent = Created<'/api/v1/payments/card-deposits'>;

/** GET /reports/customers: each customer's rated calls in the period, highest revenue first. */
export type CustomerReportPage = Ok<'/api/v1/reports/customers', 'get'>;
export type CustomerReportRow = CustomerReportPage['items'][number];

// a route that lost its response schema would make its type `never` here: fail the build instead
type NotNever<T> = [T] extends [never] ? false : true;
const _typed: [
  NotNever<AgentOverview>,
  NotNever<BalancePage>,
  NotNever<CustomerBalance>,
  NotNever<TransferReceipt>,
  NotNever<CommissionTransferReceipt>,
  NotNever<LedgerPage>,
  NotNever<CardDepositIntent>,
  NotNever<AgentLedgerPage>,
  NotNever<CommissionPage>,
  NotNever<CustomerReportPage>,
] = [true, true, true, true, true, true, true, true, true, true];
