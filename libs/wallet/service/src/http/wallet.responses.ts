// Response shapes of the wallet's public routes, for OpenAPI (@ApiResponse standardSchema) and so
// the portal's generated client types them: wallet.views.ts builds each answer typed by these.
import { MoneyString, PercentString } from '@billing/contracts';
import { z } from 'zod';

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().meta({ description: 'pass as ?cursor= for the next page; null = last page' }) });

export const DepositView = z.object({ depositId: z.string(), account: z.string(), amount: MoneyString, commission: MoneyString, balance: MoneyString, repeated: z.boolean() });
export type DepositView = z.infer<typeof DepositView>;

export const TransferView = z.object({
  kind: z.literal('transfer'),
  transferId: z.string(),
  agentId: z.string(),
  customerId: z.string(),
  amount: MoneyString,
  reference: z.string().nullable(),
  commission: MoneyString.nullable(),
  balance: MoneyString.meta({ description: "the customer's balance after" }),
  agentBalance: MoneyString.meta({ description: "the agent's main balance after" }),
  repeated: z.boolean(),
});
export type TransferView = z.infer<typeof TransferView>;

/** POST /customers/{id}/deposits: an agent's transfer, or ITC's manual deposit. */
export const CustomerDepositView = z.discriminatedUnion('kind', [TransferView, DepositView.extend({ kind: z.literal('deposit') })]);

export const CommissionTransferView = z.object({ commissionTransferId: z.string(), agentId: z.string(), amount: MoneyString, commissionBalance: MoneyString, balance: MoneyString, repeated: z.boolean() });
export type CommissionTransferView = z.infer<typeof CommissionTransferView>;

export const ReversalView = z.object({ depositId: z.string(), account: z.string(), amount: MoneyString, balance: MoneyString, repeated: z.boolean() });
export type ReversalView = z.infer<typeof ReversalView>;

export const BalanceView = z.object({
  account: z.string(),
  status: z.string(),
  billingType: z.string().nullable(),
  agentId: z.string().nullable(),
  balance: MoneyString,
  held: MoneyString,
  available: MoneyString,
  creditLimit: MoneyString,
  inDebt: z.boolean(),
  debt: MoneyString,
  lowBalanceThreshold: MoneyString,
  updatedAt: z.string(),
});
export type BalanceView = z.infer<typeof BalanceView>;

export const CustomerBalanceView = BalanceView.extend({ customerId: z.string() });

const SumsView = z.object({
  deposits: MoneyString,
  transfersToCustomers: MoneyString,
  customerDeposits: MoneyString,
  commissionAccrued: MoneyString,
  commissionReversed: MoneyString,
  commissionTransferred: MoneyString,
  callCharges: MoneyString,
});

export const OverviewView = z.object({
  agentId: z.string(),
  status: z.string(),
  balance: MoneyString,
  reserved: MoneyString,
  available: MoneyString,
  inDebt: z.boolean(),
  debt: MoneyString,
  lowBalanceThreshold: MoneyString,
  commissionBalance: MoneyString,
  customers: z.object({ total: z.number().int(), open: z.number().int(), inDebt: z.number().int(), debt: MoneyString }),
  today: SumsView.extend({ date: z.string() }),
  totals: SumsView,
});
export type OverviewView = z.infer<typeof OverviewView>;

export const TransactionsView = pageOf(
  z.object({
    id: z.string(),
    type: z.string(),
    kind: z.string(),
    ref: z.string(),
    reference: z.string().nullable(),
    amount: MoneyString,
    balanceAfter: MoneyString,
    customerId: z.string().nullable(),
    actor: z.string(),
    occurredAt: z.string(),
  }),
);
export type TransactionsView = z.infer<typeof TransactionsView>;

export const CommissionsView = pageOf(
  z.object({
    id: z.string(),
    type: z.string(),
    kind: z.string(),
    ref: z.string(),
    customerId: z.string().nullable(),
    baseAmount: MoneyString.nullable(),
    commissionPercent: PercentString.nullable(),
    amount: MoneyString,
    commissionBalanceAfter: MoneyString,
    occurredAt: z.string(),
  }),
);
export type CommissionsView = z.infer<typeof CommissionsView>;

export const BalanceListView = pageOf(BalanceView.extend({ kind: z.enum(['agent', 'customer']), id: z.string().meta({ description: 'the agent or customer id' }), belowThreshold: z.boolean() }));
export type BalanceListView = z.infer<typeof BalanceListView>;

export const OpenHoldsView = z.object({
  count: z.number().int(),
  held: MoneyString,
  items: z.array(z.object({ customerId: z.string(), agentId: z.string().nullable(), callId: z.string(), held: MoneyString, expiresAt: z.string() })),
});
export type OpenHoldsView = z.infer<typeof OpenHoldsView>;

export const WalletAuditView = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  eventCount: z.number().int(),
  postingCount: z.number().int(),
  postingsTotal: MoneyString,
  accounts: z.number().int(),
  problems: z.number().int(),
  durationMs: z.number().int(),
  report: z.string().meta({ description: 'the text npm run audit prints' }),
});
export type WalletAuditView = z.infer<typeof WalletAuditView>;

const ProjectionState = z.enum(['building', 'active', 'retired']);
export const ProjectionVersionsView = z.object({ versions: z.array(z.object({ version: z.number().int(), state: ProjectionState, checkpoint: z.string() })) });
export type ProjectionVersionsView = z.infer<typeof ProjectionVersionsView>;
export const ProjectionRebuildView = z.object({ version: z.number().int(), state: z.literal('building') });
export type ProjectionRebuildView = z.infer<typeof ProjectionRebuildView>;
