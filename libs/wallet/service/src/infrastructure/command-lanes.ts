// Group commit per lane. Commands on the same agent (its main and commission accounts) or the
// same customer queue in one lane; while one batch is being appended the next ones gather, and
// are decided together and appended in one transaction. In one process this turns N concurrent
// requests on a hot account into a few appends instead of N optimistic retries; across processes
// the expected versions still keep the ledger right (a losing batch is decided again).
import { MAX_STREAMS_PER_APPEND } from '@billing/event-store';
import { accountsInvolved, holderIdOf, kindOf, type LedgerAccountId } from '@billing/wallet-domain';
import type { CommandUnit, UnitOutcome } from './command-unit.js';
import type { LedgerWriter } from './ledger-writer.js';

interface Pending {
  readonly unit: CommandUnit;
  readonly accounts: readonly LedgerAccountId[];
  readonly resolve: (outcome: UnitOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Streams one batch may touch: below the store's bound of one appendMulti. */
const MAX_BATCH_STREAMS = MAX_STREAMS_PER_APPEND - 10;

export class CommandLanes {
  private readonly queues = new Map<string, Pending[]>();
  private readonly draining = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly writer: LedgerWriter,
    private readonly maxBatchCommands: number,
  ) {}

  submit(unit: CommandUnit): Promise<UnitOutcome> {
    if (this.closed) return Promise.reject(new Error('the wallet ledger is shutting down'));
    const accounts = [...new Set(unit.commands.flatMap(accountsInvolved))];
    if (accounts.length > MAX_BATCH_STREAMS) return Promise.reject(new Error(`a unit may involve at most ${MAX_BATCH_STREAMS} accounts`));
    return new Promise<UnitOutcome>((resolve, reject) => {
      const lane = laneOf(accounts);
      const queue = this.queues.get(lane);
      const pending = { unit, accounts, resolve, reject };
      if (queue !== undefined) {
        queue.push(pending);
        return;
      }
      this.queues.set(lane, [pending]);
      const drained = this.drain(lane).finally(() => this.draining.delete(drained));
      this.draining.add(drained);
    });
  }

  /** Refuses new work and waits until every queued unit is committed or failed. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.draining.size > 0) await Promise.all([...this.draining]);
  }

  private async drain(lane: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(lane)!;
      if (queue.length === 0) {
        this.queues.delete(lane);
        return;
      }
      const batch = this.take(queue);
      // commit() settles every unit; should it ever throw, the lane must still go on
      const settled = await this.writer.commit(batch.map((pending) => pending.unit)).catch((error: unknown) => batch.map(() => ({ ok: false as const, error })));
      batch.forEach((pending, index) => {
        const outcome = settled[index]!;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    }
  }

  /** The head of the queue, as long as the batch stays within the command and stream bounds. */
  private take(queue: Pending[]): Pending[] {
    const streams = new Set<LedgerAccountId>();
    let commands = 0;
    let count = 0;
    for (const pending of queue) {
      const added = pending.accounts.filter((accountId) => !streams.has(accountId)).length;
      if (count > 0 && (commands + pending.unit.commands.length > this.maxBatchCommands || streams.size + added > MAX_BATCH_STREAMS)) break;
      for (const accountId of pending.accounts) streams.add(accountId);
      commands += pending.unit.commands.length;
      count += 1;
    }
    return queue.splice(0, count);
  }
}

/** The agent when the unit touches an agent's accounts, else its customer; `none` when it touches no account. */
function laneOf(accounts: readonly LedgerAccountId[]): string {
  const agentAccount = accounts.find((accountId) => kindOf(accountId) !== 'customer');
  if (agentAccount !== undefined) return `agent:${holderIdOf(agentAccount)}`;
  return accounts[0] ?? 'none';
}
