// Ledger account ids name the kind and the holder. The three ledger kinds are the only accounts
// with an invariant, so they are the only concurrency-checked streams (docs/ARCHITECTURE.md, Money); the system
// accounts exist only as postings, so a hot account such as call revenue is never a write lock.

export type AgentMainAccountId = `agent:${string}`;
export type CommissionAccountId = `commission:${string}`;
export type CustomerAccountId = `customer:${string}`;
export type LedgerAccountId = AgentMainAccountId | CommissionAccountId | CustomerAccountId;

export type AccountKind = 'agent-main' | 'agent-commission' | 'customer';

export const SYSTEM_ACCOUNTS = {
  /** money that entered from outside by hand (ITC deposits, initial balances funded by ITC). */
  funding: 'system:funding',
  /** money that entered through the card processor (Stripe); chargebacks leave the same way. */
  cardClearing: 'system:card-clearing',
  /** what calls cost the customers: the operator's revenue. */
  callRevenue: 'system:call-revenue',
  /** what the operator pays agents as commission. */
  commissionExpense: 'system:commission-expense',
  /**
   * The two legs of an internal movement (agent → customer, commission → main) meet here; each
   * stream's event balances on its own, and the pair nets to zero. A non-zero balance is a
   * movement with a missing half, which the audit reports (see postings-of.ts).
   */
  transferClearing: 'system:transfer-clearing',
} as const;

export type SystemAccountId = (typeof SYSTEM_ACCOUNTS)[keyof typeof SYSTEM_ACCOUNTS];
export type FundingAccountId = typeof SYSTEM_ACCOUNTS.funding | typeof SYSTEM_ACCOUNTS.cardClearing;

/** Anything a posting can name. */
export type PostingAccountId = LedgerAccountId | SystemAccountId;

export function agentMainAccount(agentId: string): AgentMainAccountId {
  return `agent:${agentId}`;
}

export function commissionAccount(agentId: string): CommissionAccountId {
  return `commission:${agentId}`;
}

export function customerAccount(customerId: string): CustomerAccountId {
  return `customer:${customerId}`;
}

const PREFIX_BY_KIND = { 'agent-main': 'agent:', 'agent-commission': 'commission:', customer: 'customer:' } as const;
const STREAM_PREFIX_BY_KIND = {
  'agent-main': 'wallet-agent-',
  'agent-commission': 'wallet-commission-',
  customer: 'wallet-customer-',
} as const;
const KINDS = Object.keys(PREFIX_BY_KIND) as AccountKind[];

export function kindOf(accountId: LedgerAccountId): AccountKind {
  const kind = KINDS.find((candidate) => accountId.startsWith(PREFIX_BY_KIND[candidate]));
  if (kind === undefined) throw new TypeError(`not a ledger account id: "${accountId}"`);
  return kind;
}

/** The agent id of an agent account, the customer id of a customer account. */
export function holderIdOf(accountId: LedgerAccountId): string {
  return accountId.slice(PREFIX_BY_KIND[kindOf(accountId)].length);
}

export function isLedgerAccountId(value: string): value is LedgerAccountId {
  return KINDS.some((kind) => value.startsWith(PREFIX_BY_KIND[kind]) && value.length > PREFIX_BY_KIND[kind].length);
}

export function isSystemAccountId(value: string): value is SystemAccountId {
  return (Object.values(SYSTEM_ACCOUNTS) as string[]).includes(value);
}

/** `agent:A` → `wallet-agent-A`, `commission:A` → `wallet-commission-A`, `customer:C` → `wallet-customer-C`. */
export function streamIdOf(accountId: LedgerAccountId): string {
  const kind = kindOf(accountId);
  return `${STREAM_PREFIX_BY_KIND[kind]}${holderIdOf(accountId)}`;
}

/** The inverse of streamIdOf; undefined for a stream that is not a wallet account. */
export function accountIdOfStream(streamId: string): LedgerAccountId | undefined {
  for (const kind of KINDS) {
    const prefix = STREAM_PREFIX_BY_KIND[kind];
    if (streamId.startsWith(prefix) && streamId.length > prefix.length) {
      return `${PREFIX_BY_KIND[kind]}${streamId.slice(prefix.length)}` as LedgerAccountId;
    }
  }
  return undefined;
}
