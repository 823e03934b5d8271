// What accounts asks rating about a rate sheet before assigning it: whether it exists (a typo is
// refused), which sheet it derives from at which markup, and which agent owns it — accounts lets an
// agent bill its customers only with its assigned sheet or a sheet that agent derived from it.
// Read as stored now (not the registry's one-second cache): a sheet created a moment ago must count.
import type { RateSheetInfoV1 } from '@billing/contracts';
import { formatPercent } from '@billing/money';
import { currentMarkup, sheetOwner } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { SheetRegistry } from './sheet-registry.js';

@Injectable()
export class RatingSheetCatalog {
  constructor(@Inject(SheetRegistry) private readonly registry: SheetRegistry) {}

  async exists(sheetId: string): Promise<boolean> {
    return (await this.info(sheetId)).exists;
  }

  /** The sheet's identity and lineage (all null when it does not exist or is a base sheet). */
  async info(sheetId: string): Promise<RateSheetInfoV1> {
    const { state } = await this.registry.fresh(sheetId);
    if (state.kind !== 'derived') return { sheetId, exists: state.kind === 'base', parentSheetId: null, markupPercent: null, ownerAgentId: null };
    // the latest markup is the one in force now: a change applies from the instant it is made
    return { sheetId, exists: true, parentSheetId: state.baseSheetId, markupPercent: formatPercent(currentMarkup(state)), ownerAgentId: sheetOwner(state) };
  }
}
