// The wallet as one Decider over a Ledger, for specs, property tests and the service's
// load → decide → append loop. Per-stream state (snapshots) uses evolveAccount directly.
import type { Decider } from '@billing/decider';
import type { WalletCommand } from '../commands.js';
import type { WalletEvent } from '../events.js';
import { decideWallet } from './decide-wallet.js';
import { emptyLedger, evolveLedger, type Ledger } from './ledger.js';

export const walletDecider: Decider<WalletCommand, WalletEvent, Ledger> = {
  decide: decideWallet,
  evolve: evolveLedger,
  initialState: emptyLedger,
};
