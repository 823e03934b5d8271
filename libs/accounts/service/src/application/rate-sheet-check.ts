// A rate sheet given to an agent, a profile or a customer must exist in rating: a typo would leave
// customers whose every call is refused (`no_rate_sheet`). Asked before the command is decided;
// without a catalog (accounts alone, its own tests) nothing is checked.
import { rejections } from '@billing/accounts-domain';
import type { Principal } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import { RATE_SHEETS, type RateSheetCatalog } from '../accounts.options.js';

@Injectable()
export class RateSheetCheck {
  constructor(@Inject(RATE_SHEETS) private readonly catalog: RateSheetCatalog | null) {}

  /** null/undefined = no sheet named (the agent's default, or no change). `by`: who asks (an agent cannot import a sheet: told what it can do). */
  async assertExists(sheetId: string | null | undefined, by?: Principal): Promise<void> {
    if (this.catalog === null || sheetId === null || sheetId === undefined) return;
    if (!(await this.catalog.exists(sheetId))) throw by?.role === 'agent' ? rejections.rateSheetNotFoundForAgent(sheetId) : rejections.rateSheetNotFound(sheetId);
  }
}
