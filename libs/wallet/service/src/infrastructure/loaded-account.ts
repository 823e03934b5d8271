import type { AccountState } from '@billing/wallet-domain';

/** An account state with the stream version it includes (-1 = no events yet). */
export interface LoadedAccount {
  readonly state: AccountState;
  readonly version: number;
  /** the version the latest snapshot covers (-1 = none): a new one is due snapshotEvery after it. */
  readonly snapshotVersion: number;
}
