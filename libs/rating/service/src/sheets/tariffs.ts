// Which rates apply to a call: the customer's sheet → the base version in force at the call's
// start (and, for a derived sheet, the markup in force then) → its in-memory table.
import { markupInForce, versionInForce, type PricingTariff, type VersionRecord } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { RateTables } from './rate-tables.js';
import { SheetRegistry } from './sheet-registry.js';

export interface ResolvedTariff extends PricingTariff {
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
    if (state.kind === 'none') return null;
    if (state.kind === 'base') {
      const version = versionInForce(state, at);
      return version === null ? null : this.tariff(sheetId, sheetId, version, 0n);
    }
    const base = (await this.sheets.get(state.baseSheetId)).state;
    if (base.kind !== 'base') return null;
    const version = versionInForce(base, at);
    return version === null ? null : this.tariff(sheetId, base.sheetId, version, markupInForce(state, at));
  }

  private async tariff(sheetId: string, baseSheetId: string, version: VersionRecord, markupMicroPercent: bigint): Promise<ResolvedTariff> {
    const table = await this.tables.derived(version.versionId, version.rounding, markupMicroPercent);
    return { sheetId, versionId: version.versionId, table, markupMicroPercent, baseSheetId };
  }
}
