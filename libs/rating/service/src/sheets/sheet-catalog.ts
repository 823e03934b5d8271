// Whether a rate sheet exists (base or derived), for accounts: it refuses to assign a sheet that
// does not. Read as stored now (not the registry's one-second cache): a sheet imported a moment
// ago must count.
import { Inject, Injectable } from '@nestjs/common';
import { SheetRegistry } from './sheet-registry.js';

@Injectable()
export class RatingSheetCatalog {
  constructor(@Inject(SheetRegistry) private readonly registry: SheetRegistry) {}

  async exists(sheetId: string): Promise<boolean> {
    return (await this.registry.fresh(sheetId)).state.kind !== 'none';
  }
}
