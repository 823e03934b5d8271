// Rating's sheet query for an accounts process elsewhere (distributed mode): the HTTP face of
// RatingSheetCatalog, with the contract of libs/contracts (sheets-api.ts). Service to service, so
// it takes the internal service key (role `service`), as the wallet's internal API does.
import { RateSheetExistsResponseV1 } from '@billing/contracts';
import { Roles, ValidParam } from '@billing/gateway';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RatingSheetCatalog } from '../sheets/sheet-catalog.js';
import { Id } from './schemas.js';

@ApiTags('internal')
@Controller('internal/rating/sheets')
export class SheetCatalogController {
  constructor(@Inject(RatingSheetCatalog) private readonly catalog: RatingSheetCatalog) {}

  @Get(':id')
  @Roles('service')
  @ApiOperation({
    summary: 'Whether a rate sheet exists, the sheet it derives from, its markup and its owning agent (service to service)',
    description: 'Always 200 for a valid id: `{sheetId, exists, parentSheetId, markupPercent, ownerAgentId}`; parent and markup are null for a base sheet, ownerAgentId is null when ITC owns the sheet.',
  })
  @ApiResponse({ status: 200, standardSchema: RateSheetExistsResponseV1 })
  async info(@ValidParam('id', Id) sheetId: string): Promise<RateSheetExistsResponseV1> {
    return this.catalog.info(sheetId);
  }
}
