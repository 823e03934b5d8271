// Rating's sheet query for an accounts process elsewhere (distributed mode): the HTTP face of
// RatingSheetCatalog, with the contract of libs/contracts (sheets-api.ts). Service to service, so
// it takes the switch API key, as the wallet's internal API does.
import type { RateSheetExistsResponseV1 } from '@billing/contracts';
import { Roles, ValidParam } from '@billing/gateway';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RatingSheetCatalog } from '../sheets/sheet-catalog.js';
import { Id } from './schemas.js';

@ApiTags('internal')
@Controller('internal/rating/sheets')
export class SheetCatalogController {
  constructor(@Inject(RatingSheetCatalog) private readonly catalog: RatingSheetCatalog) {}

  @Get(':id')
  @Roles('switch')
  async exists(@ValidParam('id', Id) sheetId: string): Promise<RateSheetExistsResponseV1> {
    return { sheetId, exists: await this.catalog.exists(sheetId) };
  }
}
