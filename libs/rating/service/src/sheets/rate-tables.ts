// The in-memory lookup tables (docs/rating.md): one RateTable per (sheet version, markup), built once —
// from the rows just imported, or read back from rate_rows on first use — and never changed: a
// new version is a new table, picked by the call's start time, so "swapping" is choosing another
// immutable object. A derived sheet's table shares its base version's trie. Bounded (tables and
// rows, least recently used first out); concurrent requests for a missing table share one build.
import { buildRateTable, deriveRateTable, type RateRow, type RateTable, type SheetRounding } from '@billing/rating-domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import { RATING_OPTIONS, type ResolvedRatingOptions } from '../rating.options.js';
import { rowFromStored, type StoredRow } from './row-codec.js';

const READ_PAGE_ROWS = 50_000;

@Injectable()
export class RateTables {
  private readonly logger = new Logger('RateTables');
  /** insertion order = recency (a hit moves the entry to the end). */
  private readonly tables = new Map<string, RateTable>();
  private readonly building = new Map<string, Promise<RateTable>>();
  private rows = 0;

  constructor(
    @Inject(RatingDatabase) private readonly db: RatingDatabase,
    @Inject(RATING_OPTIONS) private readonly options: ResolvedRatingOptions,
  ) {}

  /** The table of a base version (rows as imported, the version's rounding). */
  base(versionId: string, rounding: SheetRounding): Promise<RateTable> {
    return this.cached(keyOf(versionId, 0n), async () => buildRateTable(await this.readRows(versionId), rounding));
  }

  /**
   * A derived sheet's table over a base version: base × (1 + markup) for each markup from the base
   * down (ITC's sheet for an agent, then the agent's own), each step rounded up to micro-units as
   * deriveRow does, sharing the base's trie. A 0 % step changes nothing and is skipped.
   */
  derived(versionId: string, rounding: SheetRounding, markupsMicroPercent: readonly bigint[]): Promise<RateTable> {
    const markups = markupsMicroPercent.filter((markup) => markup !== 0n);
    if (markups.length === 0) return this.base(versionId, rounding);
    const last = markups[markups.length - 1]!;
    return this.cached(keyOf(versionId, ...markups), async () => deriveRateTable(await this.derived(versionId, rounding, markups.slice(0, -1)), last));
  }

  /** A version just imported: its table is built from the rows in hand, not read back. */
  remember(versionId: string, rows: readonly RateRow[], rounding: SheetRounding): RateTable {
    const table = buildRateTable(rows, rounding);
    this.store(keyOf(versionId, 0n), table);
    return table;
  }

  stats(): { tables: number; rows: number } {
    return { tables: this.tables.size, rows: this.rows };
  }

  private async cached(key: string, build: () => Promise<RateTable>): Promise<RateTable> {
    const hit = this.tables.get(key);
    if (hit !== undefined) {
      this.tables.delete(key);
      this.tables.set(key, hit);
      return hit;
    }
    let pending = this.building.get(key);
    if (pending === undefined) {
      const startedMs = performance.now();
      pending = build()
        .then((table) => {
          this.store(key, table);
          this.logger.log(`rate table ${key} built: ${table.rows.length} rows in ${Math.round(performance.now() - startedMs)} ms`);
          return table;
        })
        .finally(() => this.building.delete(key));
      this.building.set(key, pending);
    }
    return pending;
  }

  private store(key: string, table: RateTable): void {
    const previous = this.tables.get(key);
    if (previous !== undefined) {
      this.rows -= previous.rows.length;
      this.tables.delete(key);
    }
    this.tables.set(key, table);
    this.rows += table.rows.length;
    // the newest table always stays, even alone above the row bound
    while (this.tables.size > 1 && (this.tables.size > this.options.maxRateTables || this.rows > this.options.maxRateTableRows)) {
      const [oldestKey, oldest] = this.tables.entries().next().value as [string, RateTable];
      this.tables.delete(oldestKey);
      this.rows -= oldest.rows.length;
    }
  }

  private async readRows(versionId: string): Promise<RateRow[]> {
    const rows: RateRow[] = [];
    for (let from = 0; ; from += READ_PAGE_ROWS) {
      const page = await this.db.pool.query<StoredRow>(
        `SELECT prefix, destination, connect_fee_micros, minimum_seconds, intervals FROM ${this.db.table('rate_rows')}
          WHERE version_id = $1 AND position >= $2 AND position < $3 ORDER BY position`,
        [versionId, from, from + READ_PAGE_ROWS],
      );
      for (const row of page.rows) rows.push(rowFromStored(row));
      if (page.rows.length < READ_PAGE_ROWS) break;
    }
    if (rows.length === 0) throw new Error(`rate version ${versionId} has no stored rows`);
    return rows;
  }
}

function keyOf(versionId: string, ...markupsMicroPercent: bigint[]): string {
  return [versionId, ...markupsMicroPercent].join('|');
}
