// The one write path of the ledger (wallet/domain README, "How the service runs a command"):
// load the accounts the commands involve → decide them in sequence on one ledger → append every
// stream's events in ONE transaction, each with the version it was loaded at, together with the
// units' inbox entries and extra writes. A concurrent writer makes the append fail as a whole; the
// batch is then reloaded and decided again (bounded), so a retry may now reject or decide less.
import { WrongExpectedVersionError, type AppendResult, type Checkpoint } from '@billing/event-store';
import { accountIdOfStream, accountsInvolved, decideBatch, type BatchDecision, type BatchOutcome, type Ledger, type LedgerAccountId, type WalletCommand } from '@billing/wallet-domain';
import type pg from 'pg';
import type { AccountRepository } from './account-repository.js';
import { planAppends, type AppendPlan } from './append-plan.js';
import type { CommandOutcome, CommandUnit, UnitOutcome } from './command-unit.js';
import type { LoadedAccount } from './loaded-account.js';
import { isRetryablePgError } from './pg-retry.js';
import type { WalletDatabase } from './wallet-database.js';

/** Re-decisions after a concurrent writer won, per batch. */
const MAX_ATTEMPTS = 30;
const MAX_BACKOFF_MS = 50;

export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

class DuplicateMessages extends Error {
  constructor(readonly units: readonly CommandUnit[]) {
    super('integration events already handled');
  }
}

class FactsAlreadyRecorded extends Error {
  constructor() {
    super('some decided events are already stored');
  }
}

export class LedgerWriter {
  constructor(
    private readonly db: WalletDatabase,
    private readonly accounts: AccountRepository,
  ) {}

  /** One outcome per unit, in order. A unit that fails alone never fails its neighbours. */
  async commit(units: readonly CommandUnit[]): Promise<Settled<UnitOutcome>[]> {
    try {
      const outcomes = await this.commitTogether(units);
      return outcomes.map((value) => ({ ok: true, value }));
    } catch (error) {
      if (units.length === 1) return [{ ok: false, error }];
      // a bug or an outage: decide each unit alone, so only the unit that causes it fails
      const settled: Settled<UnitOutcome>[] = [];
      for (const unit of units) settled.push(...(await this.commit([unit])));
      return settled;
    }
  }

  private async commitTogether(units: readonly CommandUnit[]): Promise<UnitOutcome[]> {
    const duplicateUnits = new Set<CommandUnit>();
    const duplicateCommands = new Set<WalletCommand>();
    for (let attempt = 1; ; ) {
      const live = units.filter((unit) => !duplicateUnits.has(unit));
      const commands = live.flatMap((unit) => unit.commands.filter((command) => !duplicateCommands.has(command)));
      const loaded = await this.accounts.load(commands.flatMap(accountsInvolved));
      const ledger: Ledger = new Map([...loaded].map(([accountId, account]) => [accountId, account.state]));
      const decision = decideBatch(commands, ledger);
      const plan = planAppends(live, decision, loaded);
      const outcomes = outcomesByCommand(decision);
      try {
        const { results, written } = await this.db.store.withTransaction((client) => this.transaction(client, live, outcomes, plan));
        await this.remember(results, decision, loaded);
        return units.map((unit) => (duplicateUnits.has(unit) ? { kind: 'duplicate-message' } : committed(unit, outcomes, decision, duplicateCommands, written)));
      } catch (error) {
        if (error instanceof DuplicateMessages) {
          for (const unit of error.units) duplicateUnits.add(unit);
          continue;
        }
        for (const accountId of loaded.keys()) this.accounts.forget(accountId);
        if (error instanceof FactsAlreadyRecorded) {
          const repeated = await this.commandsWithStoredEvents(plan);
          // each pass settles at least one command, so this loop ends
          if (repeated.length > 0) {
            for (const command of repeated) duplicateCommands.add(command);
            continue;
          }
        } else if (!(error instanceof WrongExpectedVersionError) && !isRetryablePgError(error)) {
          throw error;
        }
        if (attempt >= MAX_ATTEMPTS) throw error;
        attempt += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt))));
      }
    }
  }

  private async transaction(
    client: pg.PoolClient,
    units: readonly CommandUnit[],
    outcomes: ReadonlyMap<WalletCommand, BatchOutcome>,
    plan: AppendPlan,
  ): Promise<{ results: AppendResult[]; written?: Checkpoint }> {
    // every unit's inbox entry in one statement; the redelivered ones leave the batch, which is decided again without them
    const withInbox = units.filter((unit) => unit.inbox !== undefined);
    const fresh = await this.db.store.markInboxMany(withInbox.map((unit) => unit.inbox!), client);
    const repeated = withInbox.filter((_, index) => !fresh[index]);
    if (repeated.length > 0) throw new DuplicateMessages(repeated);
    for (const unit of units) await unit.inTransaction?.(client);
    await this.recordRefusals(client, units, outcomes);
    if (plan.appends.length === 0) return { results: [] };
    const { results } = await this.db.store.appendInTransaction(client, plan.appends);
    results.forEach((result, index) => {
      // fewer written than decided: some of these facts exist already; roll back and find which
      if (result.writtenCount !== plan.appends[index]!.events.length) throw new FactsAlreadyRecorded();
    });
    return { results, written: await this.lastWritten(client) };
  }

  /** Where this transaction's last event sits in the global order: a command's answer waits for the projections to pass it. */
  private async lastWritten(client: pg.ClientBase): Promise<Checkpoint | undefined> {
    const { rows } = await client.query<{ transaction_id: string; position: string }>(
      `SELECT transaction_id::text AS transaction_id, global_position::text AS position FROM ${this.db.table('events')}
        WHERE transaction_id = pg_current_xact_id() ORDER BY global_position DESC LIMIT 1`,
    );
    const row = rows[0];
    return row === undefined ? undefined : { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) };
  }

  private async recordRefusals(client: pg.ClientBase, units: readonly CommandUnit[], outcomes: ReadonlyMap<WalletCommand, BatchOutcome>): Promise<void> {
    for (const unit of units) {
      if (unit.source === undefined) continue;
      for (const command of unit.commands) {
        const outcome = outcomes.get(command);
        if (outcome === undefined || !('rejected' in outcome)) continue;
        await client.query(`INSERT INTO ${this.db.table('refused_commands')} (source, command_type, account_ids, code, reason) VALUES ($1, $2, $3, $4, $5)`, [
          unit.source,
          command.type,
          accountsInvolved(command),
          outcome.rejected.code,
          outcome.rejected.message,
        ]);
      }
    }
  }

  private async remember(results: readonly AppendResult[], decision: BatchDecision, loaded: ReadonlyMap<LedgerAccountId, LoadedAccount>): Promise<void> {
    for (const result of results) {
      const accountId = accountIdOfStream(result.streamId);
      const state = accountId === undefined ? undefined : decision.ledger.get(accountId);
      if (accountId === undefined || state === undefined) throw new Error(`appended to ${result.streamId}, which the decision did not load`);
      await this.accounts.written(accountId, { state, version: result.nextExpectedVersion, snapshotVersion: loaded.get(accountId)?.snapshotVersion ?? -1 });
    }
  }

  private async commandsWithStoredEvents(plan: AppendPlan): Promise<WalletCommand[]> {
    const { rows } = await this.db.pool.query<{ event_id: string }>(`SELECT event_id::text AS event_id FROM ${this.db.table('events')} WHERE event_id = ANY($1::uuid[])`, [
      [...plan.commandOfEvent.keys()],
    ]);
    return [...new Set(rows.map((row) => plan.commandOfEvent.get(row.event_id)).filter((command): command is WalletCommand => command !== undefined))];
  }
}

function outcomesByCommand(decision: BatchDecision): Map<WalletCommand, BatchOutcome> {
  return new Map(decision.outcomes.map((outcome) => [outcome.command, outcome]));
}

function committed(
  unit: CommandUnit,
  outcomes: ReadonlyMap<WalletCommand, BatchOutcome>,
  decision: BatchDecision,
  duplicates: ReadonlySet<WalletCommand>,
  written: Checkpoint | undefined,
): UnitOutcome {
  const accounts = decision.ledger;
  return {
    kind: 'committed',
    ...(written === undefined ? {} : { written }),
    outcomes: unit.commands.map((command): CommandOutcome => {
      const outcome = outcomes.get(command);
      if (duplicates.has(command) || outcome === undefined) return { kind: 'duplicate', command, accounts };
      if ('rejected' in outcome) return { kind: 'rejected', command, error: outcome.rejected, accounts };
      return { kind: 'decided', command, events: outcome.events, accounts };
    }),
  };
}
