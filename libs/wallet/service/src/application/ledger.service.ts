// The ledger as the application sees it: submit a unit of commands, get each command's outcome.
// Everything goes through the lanes (group commit) and the one writer (ledger-writer.ts).
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { RejectedCommand } from '@billing/decider';
import type { Checkpoint } from '@billing/event-store';
import type { WalletCommand } from '@billing/wallet-domain';
import { recordCommittedEvents } from '@billing/messaging';
import { randomUUID } from 'node:crypto';
import { AccountCache } from '../infrastructure/account-cache.js';
import { AccountRepository } from '../infrastructure/account-repository.js';
import { CommandLanes } from '../infrastructure/command-lanes.js';
import { publishedEventIds } from '../infrastructure/event-ids.js';
import type { CommandOutcome, CommandUnit, UnitOutcome } from '../infrastructure/command-unit.js';
import { LedgerWriter } from '../infrastructure/ledger-writer.js';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WalletProjections } from '../projections/wallet-projections.js';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';

/** Who asks (the domain's actor format: `admin:<id>`, `agent:<id>`, `system`, …) and under which request. */
export interface ActorContext {
  readonly actor: string;
  readonly correlationId?: string;
}

export type Decided = Extract<CommandOutcome, { kind: 'decided' | 'duplicate' }>;

/**
 * How long a command's answer waits for the projections to show it (read-your-writes). Typically
 * a few ms; past this the answer goes out anyway — the command has happened, and its answer
 * carries the ledger's own balances — and the delay is logged.
 */
export const PROJECTED_WITHIN_MS = 2_000;

@Injectable()
export class LedgerService {
  private readonly logger = new Logger('WalletLedger');
  readonly accounts: AccountRepository;
  private readonly lanes: CommandLanes;

  constructor(
    db: WalletDatabase,
    @Inject(WALLET_OPTIONS) options: ResolvedWalletOptions,
    /** absent only in tools that run the ledger without its views (a crash-test writer process). */
    @Optional() private readonly projections?: WalletProjections,
  ) {
    this.accounts = new AccountRepository(db.store, new AccountCache(options.cacheCapacity), options.snapshotEveryEvents, (error, streamId) =>
      this.logger.warn(`snapshot of ${streamId} not saved (loads stay correct, only slower): ${String(error)}`),
    );
    this.lanes = new CommandLanes(new LedgerWriter(db, this.accounts), {
      maxBatchCommands: options.maxBatchCommands,
      maxBatchesInFlight: options.maxBatchesInFlight,
      maxQueuedUnits: options.maxQueuedUnits,
    });
  }

  submit(unit: CommandUnit): Promise<UnitOutcome> {
    return this.lanes.submit(unit);
  }

  /** One command from a request; a rejection comes back as an outcome, not thrown. */
  async run(command: WalletCommand, context: ActorContext): Promise<CommandOutcome> {
    return (await this.runOne(command, context)).outcome;
  }

  /**
   * run(), with a rejection thrown (RejectedCommand → problem+json at the gateway), answered only
   * once the projections include what the command wrote: every read after the answer shows it.
   */
  async execute(command: WalletCommand, context: ActorContext): Promise<Decided> {
    const { outcome, written } = await this.runRecorded(command, context);
    if (outcome.kind === 'rejected') throw outcome.error satisfies RejectedCommand;
    if (written !== undefined && this.projections !== undefined && !(await this.projections.waitUntilProjected(written, PROJECTED_WITHIN_MS))) {
      this.logger.warn(`${command.type}: the projections did not show it within ${PROJECTED_WITHIN_MS} ms; answered anyway`);
    }
    return outcome;
  }

  /**
   * One command from a request, its published event ids recorded for the request's answer (the
   * reports show it before the answer: read-your-writes; the edge waits for these ids), without
   * waiting for the projections: what it wrote is returned, so a caller running many (a CDR post's
   * hold releases) waits once for the latest.
   */
  async runRecorded(command: WalletCommand, context: ActorContext): Promise<{ outcome: CommandOutcome; written?: Checkpoint }> {
    const { outcome, written, key } = await this.runOne(command, context);
    if (outcome.kind === 'decided') recordCommittedEvents(publishedEventIds(outcome.events, `${key}:0`));
    return { outcome, ...(written === undefined ? {} : { written }) };
  }

  private async runOne(command: WalletCommand, context: ActorContext): Promise<{ outcome: CommandOutcome; written?: Checkpoint; key: string }> {
    const key = randomUUID();
    const unit = await this.submit({ commands: [command], key, metadata: { actor: context.actor, correlationId: context.correlationId ?? key, causationId: key } });
    if (unit.kind !== 'committed' || unit.outcomes[0] === undefined) throw new Error('a request unit has no inbox entry and one command');
    return { outcome: unit.outcomes[0], key, ...(unit.written === undefined ? {} : { written: unit.written }) };
  }

  /** Waits for every queued command (application shutdown). */
  close(): Promise<void> {
    return this.lanes.close();
  }
}
