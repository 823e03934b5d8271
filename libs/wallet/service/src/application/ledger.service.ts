// The ledger as the application sees it: submit a unit of commands, get each command's outcome.
// Everything goes through the lanes (group commit) and the one writer (ledger-writer.ts).
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RejectedCommand } from '@billing/decider';
import type { WalletCommand } from '@billing/wallet-domain';
import { randomUUID } from 'node:crypto';
import { AccountCache } from '../infrastructure/account-cache.js';
import { AccountRepository } from '../infrastructure/account-repository.js';
import { CommandLanes } from '../infrastructure/command-lanes.js';
import type { CommandOutcome, CommandUnit, UnitOutcome } from '../infrastructure/command-unit.js';
import { LedgerWriter } from '../infrastructure/ledger-writer.js';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';

/** Who asks (the domain's actor format: `admin:<id>`, `agent:<id>`, `system`, …) and under which request. */
export interface ActorContext {
  readonly actor: string;
  readonly correlationId?: string;
}

export type Decided = Extract<CommandOutcome, { kind: 'decided' | 'duplicate' }>;

@Injectable()
export class LedgerService {
  private readonly logger = new Logger('WalletLedger');
  readonly accounts: AccountRepository;
  private readonly lanes: CommandLanes;

  constructor(db: WalletDatabase, @Inject(WALLET_OPTIONS) options: ResolvedWalletOptions) {
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
    const key = randomUUID();
    const outcome = await this.submit({ commands: [command], key, metadata: { actor: context.actor, correlationId: context.correlationId ?? key, causationId: key } });
    if (outcome.kind !== 'committed' || outcome.outcomes[0] === undefined) throw new Error('a request unit has no inbox entry and one command');
    return outcome.outcomes[0];
  }

  /** run(), with a rejection thrown (RejectedCommand → problem+json at the gateway). */
  async execute(command: WalletCommand, context: ActorContext): Promise<Decided> {
    const outcome = await this.run(command, context);
    if (outcome.kind === 'rejected') throw outcome.error satisfies RejectedCommand;
    return outcome;
  }

  /** Waits for every queued command (application shutdown). */
  close(): Promise<void> {
    return this.lanes.close();
  }
}
