// Which rates apply to a call: the customer's sheet → the base version in force at the call's
// start (and, for a derived sheet, the markups in force then, from the base down) → its in-memory table.
import { versionInForce, type PricingTariff } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { lineageOf, markupsAt } from './lineage.js';
import { RateTables } from './rate-tables.js';
import { SheetRegistry } from './sheet-registry.js';

export interface ResolvedTariff extends PricingTariff {
  /** the sheet's own markup (0 for a base sheet); a sheet derived from a derived sheet has its parent's below it. */
  readonly markupMicroPercent: bigint;
  readonly baseSheetId: string;
}

@Injectable()
export class Tariffs {
  constructor(
    @Inject(SheetRegistry) private readonly sheets: SheetRegistry,
    @Inject(RateTables) private readonly tables: RateTables,
  ) {}

  /** null: no such sheet, or no version in force at `at` (the call is unrated: no_rate_sheet). */
  async at(sheetId: string, at: string): Promise<ResolvedTariff | null> {
    const { state } = await this.sheets.get(sheetId);
    const lineage = await lineageOf(state, async (id) => (await this.sheets.get(id)).state);
    if (lineage.base === null) return null;
    const version = versionInForce(lineage.base, at);
    if (version === null) return null;
    const markups = markupsAt(lineage, at);
    const table = await this.tables.derived(version.versionId, version.rounding, markups);
    return { sheetId, versionId: version.versionId, table, markupMicroPercent: markups[markups.length - 1] ?? 0n, baseSheetId: lineage.base.sheetId };
  }
}
