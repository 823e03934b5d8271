// The prices a customer is billed and the sheet an agent sells (issue 12 §12): a customer's sheet
// (as it is billed now) and an agent's assigned sheet, as rows (paginated like ITC's sheet view)
// and as the rate a number gets. Only prices: never the base sheet or the markup behind them.
// A customer sees only itself, an agent itself and its customers, ITC everyone; anything else is 404.
import { ApiProblemResponse, assertVisible, CurrentUser, notFound, Roles, ValidParam, ValidQuery, type Principal } from '@billing/gateway';
import { formatMoney } from '@billing/money';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CustomerDirectory, sheetAt } from '../accounts/directory.js';
import { RatingClock } from '../infrastructure/clock.js';
import { RateSheetsService } from '../sheets/rate-sheets.service.js';
import { SheetAccess } from '../sheets/sheet-access.js';
import { roundingView } from '../sheets/row-codec.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { Id, LookupQuery, RatesQuery } from './schemas.js';
import { RateRowSchema, rateRowView } from './views.js';

const Rounding = z.object({ decimals: z.number().int(), mode: z.string() });
const PriceList = z.object({
  sheetId: z.string(),
  rounding: Rounding.nullable().meta({ description: "how a call's cost is rounded (once per call); null: no version in force" }),
  rows: z.object({ versionId: z.string().nullable(), items: z.array(RateRowSchema), nextCursor: z.string().nullable() }),
});
const PriceLookup = z.object({ number: z.string(), sheetId: z.string(), versionId: z.string(), rounding: Rounding, rate: RateRowSchema, ratePerMinute: z.string() });

@ApiTags('rates')
@Controller()
export class PriceListsController {
  constructor(
    @Inject(RateSheetsService) private readonly sheets: RateSheetsService,
    @Inject(SheetAccess) private readonly access: SheetAccess,
    @Inject(CustomerDirectory) private readonly directory: CustomerDirectory,
    @Inject(RatingClock) private readonly clock: RatingClock,
  ) {}

  @Get('customers/:id/rates')
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({ summary: 'The rates a customer is billed: the rows of its sheet in force now, paginated', description: 'In import order; `?limit` (1–500) and `?cursor` as ITC\'s sheet view.' })
  @ApiResponse({ status: 200, standardSchema: PriceList })
  @ApiProblemResponse(404, 'not_found (no such customer, or not yours)')
  async customerRates(@ValidParam('id', Id) id: string, @ValidQuery(RatesQuery) query: RatesQuery, @CurrentUser() user: Principal) {
    return this.priceList(await this.customerSheet(user, id, this.clock.now().toISOString()), query);
  }

  @Get('customers/:id/rates/lookup')
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({ summary: 'The rate a number is billed to a customer (longest prefix of its sheet), for a call starting ?at= (default now)' })
  @ApiResponse({ status: 200, standardSchema: PriceLookup })
  @ApiProblemResponse(404, 'not_found (no such customer, or not yours), no_rate_sheet (no version in force), no_rate (no prefix matches)')
  @ApiProblemResponse(422, 'invalid_destination')
  async customerLookup(@ValidParam('id', Id) id: string, @ValidQuery(LookupQuery) query: LookupQuery, @CurrentUser() user: Principal) {
    const at = query.at ?? this.clock.now().toISOString();
    return this.lookup(await this.customerSheet(user, id, at), query.number, at);
  }

  @Get('agents/:id/rates')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'The rates an agent buys at: the rows of the sheet ITC assigned to it, in force now, paginated', description: 'The base of every sheet the agent derives (docs/rating.md §4).' })
  @ApiResponse({ status: 200, standardSchema: PriceList })
  @ApiProblemResponse(404, 'not_found (no such agent, or not you)')
  async agentRates(@ValidParam('id', Id) id: string, @ValidQuery(RatesQuery) query: RatesQuery, @CurrentUser() user: Principal) {
    return this.priceList(await this.agentSheet(user, id), query);
  }

  @Get('agents/:id/rates/lookup')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'The rate a number gets from the sheet ITC assigned to an agent, for a call starting ?at= (default now)' })
  @ApiResponse({ status: 200, standardSchema: PriceLookup })
  @ApiProblemResponse(404, 'not_found (no such agent, or not you), no_rate_sheet, no_rate')
  @ApiProblemResponse(422, 'invalid_destination')
  async agentLookup(@ValidParam('id', Id) id: string, @ValidQuery(LookupQuery) query: LookupQuery, @CurrentUser() user: Principal) {
    return this.lookup(await this.agentSheet(user, id), query.number, query.at ?? this.clock.now().toISOString());
  }

  /** The sheet the customer is billed with at `at`, if the caller may see the customer. */
  private async customerSheet(user: Principal, customerId: string, at: string): Promise<string> {
    const customer = assertVisible(user, await this.directory.customer(customerId), (c) => ({ agentId: c.agentId ?? undefined, customerId: c.customerId }), 'customer');
    const sheetId = sheetAt(customer, at);
    if (sheetId === null) throw notFound('The customer has no rate sheet.');
    return sheetId;
  }

  private async agentSheet(user: Principal, agentId: string): Promise<string> {
    if (user.role === 'agent' && user.subjectId !== agentId) throw notFound('The agent does not exist.');
    const sheetId = await this.access.assignedSheet(agentId);
    if (sheetId === null) throw notFound('The agent does not exist.');
    return sheetId;
  }

  private async priceList(sheetId: string, query: RatesQuery) {
    const afterPosition = query.cursor === undefined ? 0 : decodeCursor(query.cursor, ['number'] as const)[0];
    const page = await this.sheets.rows(sheetId, { afterPosition, limit: query.limit });
    return {
      sheetId,
      rounding: page.rounding === null ? null : roundingView(page.rounding),
      rows: { versionId: page.versionId, items: page.rows.map(rateRowView), nextCursor: page.nextPosition === null ? null : encodeCursor([page.nextPosition]) },
    };
  }

  private async lookup(sheetId: string, number: string, at: string) {
    const found = await this.sheets.lookup(sheetId, number, at);
    const rounding = found.tariff.table.rounding;
    return {
      number: found.number,
      sheetId,
      versionId: found.tariff.versionId,
      rounding: { decimals: rounding.decimals, mode: rounding.mode },
      rate: rateRowView(found.row),
      ratePerMinute: formatMoney(found.row.intervals[0]!.ratePerMinuteMicros),
    };
  }
}
