// Group commit across accounts. Every unit waits in one FIFO queue; a batch takes, from the head,
// units whose accounts no batch in flight is writing, until the batch reaches its command or
// stream bound, and the writer decides it on one ledger and appends it in ONE transaction. Up to
// `maxBatchesInFlight` batches run at once, always on disjoint accounts, so in one process they
// never conflict; across processes the expected versions still keep the ledger right (a losing
// batch is decided again).
//
// Why not one queue per account (the first design): a CDR batch spreads over hundreds of
// customers, and one queue per customer made it hundreds of one-charge transactions. Here 1 000
// charges over 1 000 customers are two or three appends of ≤ 490 streams, and 8 clients' transfers
// on 8 agents share commits instead of queueing for 8.
//
// Order: a unit never overtakes an earlier unit that shares an account with it (skipped units
// block their accounts for the rest of the scan), so each account sees its commands in the order
// they were submitted — what the lanes guaranteed.
import { MAX_STREAMS_PER_APPEND } from '@billing/event-store';
import { accountsInvolved, type LedgerAccountId } from '@billing/wallet-domain';
import type { CommandUnit, UnitOutcome } from './command-unit.js';
import type { Settled } from './ledger-writer.js';

/** What the lanes need of the ledger writer: one outcome per unit, in order, never a throw for one unit's sake. */
export interface BatchWriter {
  commit(units: readonly CommandUnit[]): Promise<Settled<UnitOutcome>[]>;
}

export interface LaneLimits {
  /** commands decided and appended together. */
  readonly maxBatchCommands: number;
  /** batches (transactions) at once, on disjoint accounts. */
  readonly maxBatchesInFlight: number;
  /** units waiting; beyond it submit() refuses (back pressure instead of unbounded memory). */
  readonly maxQueuedUnits: number;
}

interface Pending {
  readonly unit: CommandUnit;
  readonly accounts: readonly LedgerAccountId[];
  readonly resolve: (outcome: UnitOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Streams one batch may touch: below the store's bound of one appendMulti. */
export const MAX_BATCH_STREAMS = MAX_STREAMS_PER_APPEND - 10;

/** Queue entries one batch looks at past blocked units: keeps taking a batch O(bound), not O(queue). */
const MAX_SCAN_UNITS = 4_096;

/** Refused by submit() when the queue is full: the caller answers 503 or retries later. */
export class LedgerOverloadedError extends Error {
  /** the gateway's problem mapping answers 503 + Retry-After for it. */
  readonly overloaded = true;

  constructor(queued: number) {
    super(`the wallet ledger has ${queued} commands waiting; try again shortly`);
    this.name = 'LedgerOverloadedError';
  }
}

export class CommandLanes {
  /** queue[head..] are waiting, in submission order. */
  private queue: (Pending | undefined)[] = [];
  private head = 0;
  /** accounts a batch in flight is writing. */
  private readonly busy = new Set<LedgerAccountId>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  private pumpScheduled = false;

  constructor(
    private readonly writer: BatchWriter,
    private readonly limits: LaneLimits,
  ) {
    if (!(limits.maxBatchCommands >= 1 && limits.maxBatchesInFlight >= 1 && limits.maxQueuedUnits >= 1)) throw new Error(`invalid lane limits ${JSON.stringify(limits)}`);
  }

  /** Units waiting (not yet in a batch). */
  get queued(): number {
    return this.queue.length - this.head;
  }

  submit(unit: CommandUnit): Promise<UnitOutcome> {
    if (this.closed) return Promise.reject(new Error('the wallet ledger is shutting down'));
    const accounts = [...new Set(unit.commands.flatMap(accountsInvolved))];
    if (accounts.length > MAX_BATCH_STREAMS) return Promise.reject(new Error(`a unit may involve at most ${MAX_BATCH_STREAMS} accounts`));
    if (this.queued >= this.limits.maxQueuedUnits) return Promise.reject(new LedgerOverloadedError(this.queued));
    return new Promise<UnitOutcome>((resolve, reject) => {
      this.queue.push({ unit, accounts, resolve, reject });
      this.schedulePump();
    });
  }

  /** Refuses new work and waits until every queued unit is committed or failed. */
  async close(): Promise<void> {
    this.closed = true;
    // Units submitted in this very task may still wait for the scheduled pump: start them now.
    // Each pass waits for the batches in flight, which pump the rest; the queue only shrinks now,
    // and with nothing in flight nothing is busy, so a pump always starts a batch (the loop ends).
    for (;;) {
      if (this.inFlight.size === 0) this.pump();
      if (this.inFlight.size === 0) return;
      await Promise.all([...this.inFlight]);
    }
  }

  /**
   * Pumps once the current task has submitted what it will: a chargeCalls batch submits all its
   * charges synchronously, and they should share batches rather than the first few going alone.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Starts batches while there is room and work that does not wait on a batch in flight. */
  private pump(): void {
    while (this.inFlight.size < this.limits.maxBatchesInFlight && this.queued > 0) {
      const batch = this.take();
      if (batch.length === 0) return;
      const accounts = batch.flatMap((pending) => pending.accounts);
      for (const accountId of accounts) this.busy.add(accountId);
      const running: Promise<void> = this.run(batch).finally(() => {
        for (const accountId of accounts) this.busy.delete(accountId);
        this.inFlight.delete(running);
        this.pump();
      });
      this.inFlight.add(running);
    }
  }

  private async run(batch: readonly Pending[]): Promise<void> {
    // commit() settles every unit; should it ever throw, every unit of the batch gets the error
    const settled = await this.writer.commit(batch.map((pending) => pending.unit)).catch((error: unknown) => batch.map(() => ({ ok: false as const, error })));
    batch.forEach((pending, index) => {
      const outcome = settled[index];
      if (outcome === undefined) pending.reject(new Error('the ledger writer returned fewer outcomes than units'));
      else if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  /**
   * Removes and returns the next batch: from the head, every unit none of whose accounts is busy
   * or held by a skipped earlier unit, within the command and stream bounds.
   */
  private take(): Pending[] {
    const skippedAccounts = new Set<LedgerAccountId>();
    const streams = new Set<LedgerAccountId>();
    const taken: Pending[] = [];
    const kept: Pending[] = [];
    let commands = 0;
    const end = Math.min(this.queue.length, this.head + MAX_SCAN_UNITS);
    let index = this.head;
    for (; index < end; index += 1) {
      const pending = this.queue[index]!;
      if (pending.accounts.some((accountId) => this.busy.has(accountId) || skippedAccounts.has(accountId))) {
        for (const accountId of pending.accounts) skippedAccounts.add(accountId);
        kept.push(pending);
        continue;
      }
      const added = pending.accounts.filter((accountId) => !streams.has(accountId)).length;
      if (taken.length > 0 && (commands + pending.unit.commands.length > this.limits.maxBatchCommands || streams.size + added > MAX_BATCH_STREAMS)) break;
      for (const accountId of pending.accounts) streams.add(accountId);
      commands += pending.unit.commands.length;
      taken.push(pending);
    }
    // the scanned window [head, index) now holds only the kept units, packed against index
    const keptFrom = index - kept.length;
    for (let at = this.head; at < keptFrom; at += 1) this.queue[at] = undefined;
    kept.forEach((pending, at) => (this.queue[keptFrom + at] = pending));
    this.head = keptFrom;
    this.compact();
    return taken;
  }

  /** Drops the consumed prefix once it is most of the array (amortised O(1) per unit). */
  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1_024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
