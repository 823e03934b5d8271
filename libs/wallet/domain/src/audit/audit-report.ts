// What the audit finds. `ok` is true only when there is no problem at all.
import type { LedgerAccountId, PostingAccountId } from '../accounts/account-id.js';
import type { WalletEventType } from '../events.js';

/** The live projections' view, to compare with what the events say. */
export interface ProjectedBalances {
  /** balance per account id (`agent:A`, `commission:A`, `customer:C`, `system:…`). */
  readonly balances: ReadonlyMap<string, bigint>;
  /** sum of open holds per customer account id, when the projection keeps it. */
  readonly heldMicros?: ReadonlyMap<string, bigint>;
}

export type AuditProblem =
  /** an event whose postings do not sum to zero (postingsOf is wrong, or the event is corrupt). */
  | { readonly kind: 'unbalanced-event'; readonly position: number; readonly eventType: WalletEventType; readonly accountId: string; readonly sumMicros: bigint }
  /** an event that breaks an invariant of its account on replay; that account is not replayed further. */
  | { readonly kind: 'invalid-event'; readonly position: number; readonly eventType: string; readonly accountId: string; readonly message: string }
  /** an event stored on another stream than its account's. */
  | { readonly kind: 'wrong-stream'; readonly position: number; readonly eventType: WalletEventType; readonly accountId: string; readonly streamId: string }
  /** the account's replayed balance differs from the sum of its postings. */
  | { readonly kind: 'ledger-mismatch'; readonly accountId: LedgerAccountId; readonly stateMicros: bigint; readonly postedMicros: bigint }
  /** an internal movement with one leg missing: its clearing does not net to zero. */
  | { readonly kind: 'half-movement'; readonly movement: string; readonly clearingMicros: bigint }
  /** the sum of every posting is not zero. */
  | { readonly kind: 'postings-total'; readonly totalMicros: bigint }
  /** the projection disagrees with the events (projectedMicros null = the projection lacks the account). */
  | { readonly kind: 'balance-mismatch'; readonly accountId: string; readonly auditedMicros: bigint; readonly projectedMicros: bigint | null }
  | { readonly kind: 'held-mismatch'; readonly accountId: string; readonly auditedMicros: bigint; readonly projectedMicros: bigint | null }
  /** the projection has an account no event ever opened or posted to. */
  | { readonly kind: 'unknown-account'; readonly accountId: string; readonly projectedMicros: bigint };

export interface AuditReport {
  readonly ok: boolean;
  readonly eventCount: number;
  readonly postingCount: number;
  /** Σ of every posting: zero in a sound ledger. */
  readonly postingsTotalMicros: bigint;
  /** every account that was opened or posted to, recomputed from the postings. */
  readonly balances: ReadonlyMap<PostingAccountId, bigint>;
  /** commission balance per agent id. */
  readonly commissionBalances: ReadonlyMap<string, bigint>;
  /** open holds per customer account id (only those with holds). */
  readonly heldMicros: ReadonlyMap<LedgerAccountId, bigint>;
  readonly problems: readonly AuditProblem[];
}
