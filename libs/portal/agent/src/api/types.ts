// Answers of the wallet routes, whose OpenAPI operations carry no response schema (docs/API.md §7, §8).
// Money fields are decimal strings.

export interface AgentOverview {
  agentId: string;
  status: string;
  balance: string;
  reserved: string;
  available: string;
  inDebt: boolean;
  debt: string;
  lowBalanceThreshold: string;
  commissionBalance: string;
  customers: { total: number; open: number; inDebt: number; debt: string };
  today: { date: string; deposits: string; transfersToCustomers: string; customerDeposits: string; commissionAccrued: string; callCharges: string };
}

export interface BalanceRow {
  kind: 'agent' | 'customer';
  id: string;
  account: string;
  status: string;
  billingType: string;
  agentId: string | null;
  balance: string;
  held: string;
  available: string;
  creditLimit: string;
  inDebt: boolean;
  debt: string;
  lowBalanceThreshold: string;
  belowThreshold: boolean;
  updatedAt: string;
}

export interface BalancePage {
  items: BalanceRow[];
  nextCursor: string | null;
}

export interface CustomerBalance {
  customerId: string;
  status: string;
  billingType: string;
  balance: string;
  held: string;
  available: string;
  creditLimit: string;
  inDebt: boolean;
  debt: string;
  lowBalanceThreshold: string;
}

/** POST /customers/{id}/deposits by an agent: a transfer from its main balance. */
export interface TransferReceipt {
  kind: 'transfer';
  transferId: string;
  customerId: string;
  amount: string;
  reference: string | null;
  commission: string;
  balance: string;
  agentBalance: string;
  repeated: boolean;
}

export interface CommissionTransferReceipt {
  commissionTransferId: string;
  amount: string;
  commissionBalance: string;
  balance: string;
  repeated: boolean;
}

export interface LedgerLine {
  id: string;
  type: string;
  kind: string;
  ref: string;
  reference: string | null;
  amount: string;
  balanceAfter: string;
  actor: string;
  occurredAt: string;
}

export interface LedgerPage {
  items: LedgerLine[];
  nextCursor: string | null;
}

export interface CardDepositIntent {
  paymentIntentId: string;
  clientSecret: string;
  amount: string;
  currency: string;
}

/** GET /reports/customers: each customer's rated calls in the period, highest revenue first. */
export interface CustomerReportRow {
  customerId: string;
  accountNumber: string;
  calls: number;
  billedSeconds: number;
  billedMinutes: string;
  revenue: string;
  /** what the calls cost the agent at its own sheet; null when not known for any of them. */
  agentCost: string | null;
  margin: string | null;
  /** calls whose agent cost is unknown (not counted in agentCost or margin). */
  unknownCost: { calls: number; revenue: string };
}

export interface CustomerReportPage {
  from: string;
  to: string;
  items: CustomerReportRow[];
  nextCursor: string | null;
}
