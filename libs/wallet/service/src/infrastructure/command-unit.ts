// What the ledger writer takes and gives back. A unit is the commands one request or one
// integration event causes: decided together, committed in one transaction with the unit's inbox
// entry and its own extra writes (the directory), or not at all.
import type { RejectedCommand } from '@billing/decider';
import type { Checkpoint, EventMetadata, InboxEntry } from '@billing/event-store';
import type { AccountState, LedgerAccountId, WalletCommand, WalletEvent } from '@billing/wallet-domain';
import type pg from 'pg';

export interface CommandUnit {
  readonly commands: readonly WalletCommand[];
  /** names the events that have no business identity (see event-ids.ts); unique per unit. */
  readonly key: string;
  readonly metadata: EventMetadata;
  /** recorded in the same transaction: a redelivered integration event finds it and does nothing. */
  readonly inbox?: InboxEntry;
  /** runs inside the append transaction (the directory update that comes with the same event). */
  readonly inTransaction?: (client: pg.ClientBase) => Promise<void>;
  /** set for integration-driven units: their refusals are recorded in refused_commands. */
  readonly source?: string;
}

/** The ledger after the batch the command was decided in (the involved accounts only). */
export type Accounts = ReadonlyMap<LedgerAccountId, AccountState>;

export type CommandOutcome =
  /** events = [] when there was nothing to do (an idempotent repeat). */
  | { readonly kind: 'decided'; readonly command: WalletCommand; readonly events: readonly WalletEvent[]; readonly accounts: Accounts }
  | { readonly kind: 'rejected'; readonly command: WalletCommand; readonly error: RejectedCommand; readonly accounts: Accounts }
  /** its facts were already in the store (a repeat the domain's bounded memory did not catch). */
  | { readonly kind: 'duplicate'; readonly command: WalletCommand; readonly accounts: Accounts };

export type UnitOutcome =
  /** written = the checkpoint of the last event the unit's transaction appended (none when it appended nothing). */
  | { readonly kind: 'committed'; readonly outcomes: readonly CommandOutcome[]; readonly written?: Checkpoint }
  | { readonly kind: 'duplicate-message' };
