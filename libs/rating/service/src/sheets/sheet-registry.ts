// Rate-sheet states in memory. A sheet's state (versions, markups: small) is read from the
// rate_sheets table, which is written in the same transaction as the sheet's events, and kept
// for a second: another instance's import is seen within that time, this instance's at once
// (`remember` after its own commit).
import { decodeJson } from '@billing/event-store';
import type { RateSheetState } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { RatingDatabase } from '../infrastructure/rating-database.js';

export interface LoadedSheet {
  readonly state: RateSheetState;
  /** the stream version the state includes (-1 = no stream). */
  readonly version: number;
}

export interface SheetListItem {
  readonly sheetId: string;
  readonly kind: string;
  readonly name: string;
  readonly baseSheetId: string | null;
  /** the agent that derived it; null = ITC. */
  readonly ownerAgentId: string | null;
}

const FRESH_MS = 1_000;
const MAX_SHEETS = 10_000;

interface Entry {
  sheet: LoadedSheet;
  loadedAtMs: number;
}

@Injectable()
export class SheetRegistry {
  private readonly sheets = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<LoadedSheet>>();

  constructor(@Inject(RatingDatabase) private readonly db: RatingDatabase) {}

  /** The sheet as of at most a second ago (kind 'none' when it does not exist). */
  async get(sheetId: string): Promise<LoadedSheet> {
    const entry = this.sheets.get(sheetId);
    if (entry !== undefined && performance.now() - entry.loadedAtMs < FRESH_MS) return entry.sheet;
    return this.fresh(sheetId);
  }

  /** The sheet as stored now (for deciding commands). */
  fresh(sheetId: string): Promise<LoadedSheet> {
    let pending = this.loading.get(sheetId);
    if (pending === undefined) {
      pending = this.load(sheetId).finally(() => this.loading.delete(sheetId));
      this.loading.set(sheetId, pending);
    }
    return pending;
  }

  /** After a commit of this instance: the new state is known without reading it back. */
  remember(sheetId: string, sheet: LoadedSheet): void {
    const known = this.sheets.get(sheetId);
    if (known !== undefined && known.sheet.version > sheet.version) return;
    this.store(sheetId, sheet);
  }

  /** Every sheet, or (`visibleTo`) an agent's: the sheet ITC assigned to it and the sheets it derived. */
  async list(visibleTo?: { agentId: string; assignedSheetId: string | null }): Promise<SheetListItem[]> {
    const where = visibleTo === undefined ? '' : 'WHERE owner_agent_id = $1 OR sheet_id = $2';
    const { rows } = await this.db.pool.query<{ sheet_id: string; kind: string; name: string; base_sheet_id: string | null; owner_agent_id: string | null }>(
      `SELECT sheet_id, kind, name, base_sheet_id, owner_agent_id FROM ${this.db.table('rate_sheets')} ${where} ORDER BY sheet_id LIMIT 10000`,
      visibleTo === undefined ? [] : [visibleTo.agentId, visibleTo.assignedSheetId],
    );
    return rows.map((row) => ({ sheetId: row.sheet_id, kind: row.kind, name: row.name, baseSheetId: row.base_sheet_id, ownerAgentId: row.owner_agent_id }));
  }

  private async load(sheetId: string): Promise<LoadedSheet> {
    const { rows } = await this.db.pool.query<{ stream_version: number; state: string }>(
      `SELECT stream_version, state FROM ${this.db.table('rate_sheets')} WHERE sheet_id = $1`,
      [sheetId],
    );
    const row = rows[0];
    const sheet: LoadedSheet = row === undefined ? { state: { kind: 'none' }, version: -1 } : { state: decodeJson<RateSheetState>(row.state), version: row.stream_version };
    this.store(sheetId, sheet);
    return sheet;
  }

  private store(sheetId: string, sheet: LoadedSheet): void {
    this.sheets.delete(sheetId);
    if (this.sheets.size >= MAX_SHEETS) {
      const oldest = this.sheets.keys().next().value;
      if (oldest !== undefined) this.sheets.delete(oldest);
    }
    this.sheets.set(sheetId, { sheet, loadedAtMs: performance.now() });
  }
}
