// Where rate-sheet commands meet the store. A version's rows (up to 500 000) are staged into
// rate_rows in chunks of short transactions first — never one long write transaction, which would
// hold back every gap-safe reader of the cluster — and then the sheet's events are appended with
// the sheet's state (rate_sheets) and the import marked committed, in one transaction. A refused
// or failed append discards the staged rows; rows of an import that never committed (a crash in
// between) are invisible (nothing references their version) and swept after an hour.
import { invariant } from '@billing/decider';
import { encodeJson, WrongExpectedVersionError, type EventMetadata } from '@billing/event-store';
import { decideRateSheet, evolveRateSheet, rateSheetStreamId, sheetOwner, type RateRow, type RateSheetCommand, type RateSheetEvent, type RateSheetState, type SheetNamed } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import { intervalsText } from './row-codec.js';
import { SheetRegistry, type LoadedSheet } from './sheet-registry.js';

export const STAGE_CHUNK_ROWS = 10_000;
const MAX_ATTEMPTS = 5;
/** Advisory-lock namespaces that serialise one owner's new sheets: an agent's ("RSAG"), ITC's ("RSIT"). */
const AGENT_SHEETS_LOCK = 0x52_53_41_47;
const ITC_SHEETS_LOCK = 0x52_53_49_54;

export interface SheetCommit {
  readonly events: readonly RateSheetEvent[];
  readonly sheet: LoadedSheet;
}

/** What the owner a commit creates a sheet for owns, read under its lock. */
export interface OwnedSheets {
  sheetsOwned: number;
  /** its sheets but the one being created, with their names. */
  namesOwned: readonly SheetNamed[];
}

/** Whose sheet a commit creates: an agent's, or ITC's own (`agentId` null). */
export interface NewSheetOwner {
  readonly agentId: string | null;
}

const NOTHING_OWNED: OwnedSheets = { sheetsOwned: 0, namesOwned: [] };

@Injectable()
export class SheetStore {
  constructor(
    @Inject(RatingDatabase) private readonly db: RatingDatabase,
    @Inject(SheetRegistry) private readonly registry: SheetRegistry,
  ) {}

  /** Starts staging an import: its rows are invisible until the import commits. */
  async beginImport(sheetId: string, versionId: string): Promise<void> {
    await this.db.pool.query(`INSERT INTO ${this.db.table('rate_imports')} (version_id, sheet_id, status, row_count, staged_at) VALUES ($1, $2, 'staged', 0, now())`, [versionId, sheetId]);
  }

  /** Rows `from`, `from + 1`, … of an import (one short transaction). */
  async stageRows(versionId: string, from: number, rows: readonly RateRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += STAGE_CHUNK_ROWS) {
      const chunk = rows.slice(start, start + STAGE_CHUNK_ROWS);
      await this.db.pool.query(
        `INSERT INTO ${this.db.table('rate_rows')} (version_id, position, prefix, destination, connect_fee_micros, minimum_seconds, intervals)
         SELECT $1, u.position, u.prefix, u.destination, u.connect_fee, u.minimum_seconds, u.intervals
           FROM unnest($2::int[], $3::text[], $4::text[], $5::bigint[], $6::int[], $7::text[]) AS u(position, prefix, destination, connect_fee, minimum_seconds, intervals)`,
        [
          versionId,
          chunk.map((_, i) => from + start + i),
          chunk.map((row) => row.prefix),
          chunk.map((row) => row.destination),
          chunk.map((row) => row.connectFeeMicros.toString()),
          chunk.map((row) => row.minimumSeconds),
          chunk.map((row) => intervalsText(row.intervals)),
        ],
      );
    }
  }

  async discardRows(versionId: string): Promise<void> {
    await this.db.pool.query(`DELETE FROM ${this.db.table('rate_rows')} WHERE version_id = $1`, [versionId]);
    await this.db.pool.query(`DELETE FROM ${this.db.table('rate_imports')} WHERE version_id = $1 AND status = 'staged'`, [versionId]);
  }

  /** Rows of imports that never committed, staged more than an hour ago (a crash mid-import). */
  async sweepAbandonedImports(): Promise<number> {
    const { rows } = await this.db.pool.query<{ version_id: string }>(
      `SELECT version_id FROM ${this.db.table('rate_imports')} WHERE status = 'staged' AND staged_at < now() - interval '1 hour'`,
    );
    for (const row of rows) await this.discardRows(row.version_id);
    return rows.length;
  }

  /**
   * Decides `commands` in order on the sheet's current state and appends what they decided, with
   * the new state, in one transaction (`committedImport`: the staged import this commit publishes).
   * `commands` may be called again after a concurrent change of the sheet. `creates`: the commit
   * creates a sheet of that owner — the decision is taken inside the transaction under the owner's
   * lock, with the sheets it owns then, so concurrent creations by one owner cannot pass its cap or
   * take one name together.
   */
  async commit(
    sheetId: string,
    commands: (state: RateSheetState, owned: OwnedSheets) => readonly RateSheetCommand[],
    metadata: EventMetadata,
    committedImport?: string,
    creates?: NewSheetOwner,
  ): Promise<SheetCommit> {
    const streamId = rateSheetStreamId(sheetId);
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.registry.fresh(sheetId);
      try {
        const decided = await this.db.store.withTransaction(async (client): Promise<SheetCommit | null> => {
          const owned = creates === undefined ? NOTHING_OWNED : await this.lockOwner(client, creates.agentId, sheetId);
          let state = loaded.state;
          const events: RateSheetEvent[] = [];
          for (const command of commands(loaded.state, owned)) {
            for (const event of decideRateSheet(command, state)) {
              state = evolveRateSheet(state, event);
              events.push(event);
            }
          }
          if (events.length === 0) return null;
          invariant(state.kind !== 'none', 'a sheet with events exists');
          const { results } = await this.db.store.appendInTransaction(client, [
            { streamId, expectedVersion: loaded.version, events: events.map((event) => ({ eventId: randomUUID(), type: event.type, data: event, metadata })) },
          ]);
          const next = results[0]!.nextExpectedVersion;
          await client.query(
            `INSERT INTO ${this.db.table('rate_sheets')} (sheet_id, kind, name, base_sheet_id, owner_agent_id, stream_version, state, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now())
             ON CONFLICT (sheet_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, state = EXCLUDED.state, updated_at = now()`,
            [sheetId, state.kind, state.name, state.kind === 'derived' ? state.baseSheetId : null, sheetOwner(state), next, encodeJson(state)],
          );
          if (committedImport !== undefined) {
            await client.query(`UPDATE ${this.db.table('rate_imports')} SET status = 'committed' WHERE version_id = $1`, [committedImport]);
          }
          return { events, sheet: { state, version: next } };
        });
        if (decided === null) return { events: [], sheet: loaded };
        this.registry.remember(sheetId, decided.sheet);
        return decided;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * Takes the owner's sheet lock for the transaction (ITC's: one per schema); the sheets the owner
   * owns (an agent at most 50), and the names of those other than `sheetId` (a concurrent creation of
   * that very sheet is a version conflict, retried into sheet_exists or a repeat, not a name clash).
   */
  private async lockOwner(client: pg.PoolClient, agentId: string | null, sheetId: string): Promise<OwnedSheets> {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', agentId === null ? [ITC_SHEETS_LOCK, this.db.schema] : [AGENT_SHEETS_LOCK, agentId]);
    return this.ownedBy(client, agentId, sheetId);
  }

  /**
   * The sheets `agentId` (null: ITC) owns, without a lock: what a dry run checks a new sheet's name
   * against (the import itself decides again under the owner's lock).
   */
  async ownedBy(client: pg.ClientBase | pg.Pool, agentId: string | null, sheetId: string | null): Promise<OwnedSheets> {
    const sheets = `SELECT sheet_id, name FROM ${this.db.table('rate_sheets')}`;
    const { rows } = await (agentId === null
      ? client.query<{ sheet_id: string; name: string }>(`${sheets} WHERE owner_agent_id IS NULL`)
      : client.query<{ sheet_id: string; name: string }>(`${sheets} WHERE owner_agent_id = $1`, [agentId]));
    return { sheetsOwned: rows.length, namesOwned: rows.filter((row) => row.sheet_id !== sheetId).map((row) => ({ sheetId: row.sheet_id, name: row.name })) };
  }
}
