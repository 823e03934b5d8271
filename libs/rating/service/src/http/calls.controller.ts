// Call history and unrated calls (docs/API.md, issue 5 §5): per customer (admin, its agent, the
// customer itself), per agent (admin, the agent itself), unrated calls and re-rating (admin).
// Anything not the caller's is a 404, as if it did not exist. `?format=csv` exports every
// matching call (streamed page by page).
import { ApiCsvResponse, ApiProblemResponse, assertVisible, CurrentUser, notFound, Roles, ValidBody, ValidParam, ValidQuery, type Principal } from '@billing/gateway';
import { formatMoney } from '@billing/money';
import { Controller, Get, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CustomerDirectory } from '../accounts/directory.js';
import type { CommandContext } from '../application/command-context.js';
import { CallHistoryQueries, type CallFilter } from '../calls/call-history.queries.js';
import { ReRateService } from '../calls/re-rate.service.js';
import { Caller } from './caller.decorator.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { AgentCallsQuery, BulkReRateBody, CallsQuery, Id, SummaryQuery, UnratedQuery } from './schemas.js';
import { bySipUsernameView, CALL_CSV_HEADER, callCsvLine, callView, CallView, pageSchema, summaryView, SummaryView } from './views.js';

/** The parts of Express's response these routes use. */
interface RawResponse {
  status(code: number): RawResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
  write(chunk: string): boolean;
  end(): void;
  once(event: 'drain', listener: () => void): void;
}

const EXPORT_PAGE_ROWS = 1_000;
/** The CSV export as OpenAPI describes it (@ApiCsvResponse). */
const CALLS_CSV_DOC = `every matching call, newest first (the JSON fields in snake_case); header: ${CALL_CSV_HEADER.trim()}`;
const ReRateView = z.object({ callId: z.string(), status: z.string(), cost: z.string(), reason: z.string().nullable(), changed: z.boolean() });

@ApiTags('calls')
@Controller()
export class CallsController {
  constructor(
    @Inject(CallHistoryQueries) private readonly queries: CallHistoryQueries,
    @Inject(CustomerDirectory) private readonly directory: CustomerDirectory,
    @Inject(ReRateService) private readonly reRating: ReRateService,
  ) {}

  @Get('customers/:id/calls')
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({
    summary: "A customer's calls, newest first",
    description: 'Filters from/to (call start), destination (digits it starts with), status, sipUsername (the SIP user that made the call). Cursor pagination; ?format=csv exports all matching calls.',
  })
  @ApiCsvResponse(CALLS_CSV_DOC)
  @ApiResponse({ status: 200, standardSchema: pageSchema(CallView) })
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  async customerCalls(@ValidParam('id', Id) id: string, @ValidQuery(CallsQuery) query: CallsQuery, @CurrentUser() user: Principal, @Headers('accept') accept: string | undefined, @Res() response: RawResponse) {
    await this.visibleCustomer(user, id);
    await this.answer(response, { customerId: id, ...filterOf(query) }, query, accept, `calls-${id}`);
  }

  @Get('customers/:id/calls/summary')
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({
    summary: "A customer's traffic: calls, minutes, revenue, ASR, ACD, top destinations (from/to on the call start)",
    description: '?sipUsername= counts only that SIP user\'s calls; ?groupBy=sipUsername adds each user\'s share (bySipUsername).',
  })
  @ApiResponse({ status: 200, standardSchema: SummaryView })
  async customerSummary(@ValidParam('id', Id) id: string, @ValidQuery(SummaryQuery) query: SummaryQuery, @CurrentUser() user: Principal) {
    await this.visibleCustomer(user, id);
    return this.summary({ customerId: id, from: query.from, to: query.to, sipUsername: query.sipUsername }, query);
  }

  @Get('agents/:id/calls')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: "The calls of an agent's customers, newest first", description: 'Same filters as a customer\'s calls, plus customerId.' })
  @ApiCsvResponse(CALLS_CSV_DOC)
  @ApiResponse({ status: 200, standardSchema: pageSchema(CallView) })
  @ApiProblemResponse(404, 'another agent', ['not_found'])
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  async agentCalls(@ValidParam('id', Id) id: string, @ValidQuery(AgentCallsQuery) query: AgentCallsQuery, @CurrentUser() user: Principal, @Headers('accept') accept: string | undefined, @Res() response: RawResponse) {
    visibleAgent(user, id);
    await this.answer(response, { agentId: id, customerId: query.customerId, ...filterOf(query) }, query, accept, `calls-agent-${id}`);
  }

  @Get('agents/:id/calls/summary')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: "An agent's traffic: calls, minutes, revenue, ASR, ACD, top destinations" })
  @ApiResponse({ status: 200, standardSchema: SummaryView })
  async agentSummary(@ValidParam('id', Id) id: string, @ValidQuery(SummaryQuery) query: SummaryQuery, @CurrentUser() user: Principal) {
    visibleAgent(user, id);
    return this.summary({ agentId: id, from: query.from, to: query.to, sipUsername: query.sipUsername }, query);
  }

  @Get('calls/unrated')
  @Roles('admin')
  @ApiOperation({ summary: 'Calls kept unrated, with their reason (unknown_account, no_rate, …), newest first: fix the account or the sheet, then re-rate' })
  @ApiCsvResponse(CALLS_CSV_DOC)
  @ApiResponse({ status: 200, standardSchema: pageSchema(CallView) })
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  async unrated(@ValidQuery(UnratedQuery) query: UnratedQuery, @Headers('accept') accept: string | undefined, @Res() response: RawResponse) {
    await this.answer(response, { status: 'unrated', reason: query.reason, customerId: query.customerId, from: query.from, to: query.to }, query, accept, 'calls-unrated');
  }

  @Post('calls/re-rate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-rate unrated calls in bulk (oldest first, up to limit per request), optionally of one reason or customer' })
  @ApiResponse({ status: 200, standardSchema: z.object({ attempted: z.number(), reRated: z.number(), stillUnrated: z.number(), cost: z.string(), remaining: z.number() }) })
  async reRateMany(@ValidBody(BulkReRateBody) body: BulkReRateBody, @Caller() context: CommandContext) {
    const report = await this.reRating.reRateMany(context, body);
    return { attempted: report.attempted, reRated: report.reRated, stillUnrated: report.stillUnrated, cost: formatMoney(report.costMicros), remaining: report.remaining };
  }

  @Get('calls/:callId')
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({ summary: 'One call' })
  @ApiResponse({ status: 200, standardSchema: CallView })
  @ApiProblemResponse(404, 'no such call, or not yours', ['not_found', 'call_not_found'])
  async call(@ValidParam('callId', Id) callId: string, @CurrentUser() user: Principal) {
    const row = assertVisible(user, await this.queries.call(callId), (call) => ({ agentId: call.agent_id ?? undefined, customerId: call.customer_id ?? undefined }), 'call');
    return callView(row);
  }

  @Post('calls/:callId/re-rate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-rate an unrated call with the account and sheets as they are now (version and markup in force at the call start)' })
  @ApiResponse({ status: 200, standardSchema: ReRateView })
  @ApiProblemResponse(404, 'call_not_found')
  @ApiProblemResponse(409, 'call_already_rated (a rated call is final), call_unanswered')
  async reRate(@ValidParam('callId', Id) callId: string, @Caller() context: CommandContext) {
    const outcome = await this.reRating.reRate(context, callId);
    return { callId: outcome.callId, status: outcome.status, cost: formatMoney(outcome.costMicros), reason: outcome.reason, changed: outcome.changed };
  }

  /** The summary, and each SIP user's share when asked (?groupBy=sipUsername). */
  private async summary(filter: CallFilter, query: SummaryQuery): Promise<SummaryView> {
    const view = summaryView(await this.queries.summary(filter, query.top));
    return query.groupBy === 'sipUsername' ? { ...view, bySipUsername: bySipUsernameView(await this.queries.bySipUser(filter, query.top)) } : view;
  }

  private async visibleCustomer(user: Principal, customerId: string): Promise<void> {
    assertVisible(user, await this.directory.customer(customerId), (customer) => ({ agentId: customer.agentId ?? undefined, customerId: customer.customerId }), 'customer');
  }

  private async answer(response: RawResponse, filter: CallFilter, query: { limit: number; cursor?: string | undefined; format?: 'json' | 'csv' | undefined }, accept: string | undefined, fileName: string): Promise<void> {
    if (wantsCsv(query.format, accept)) {
      response.status(200);
      response.setHeader('content-type', 'text/csv; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`);
      await write(response, CALL_CSV_HEADER);
      for (let after: [string, string] | null = null; ; ) {
        const page = await this.queries.page(filter, EXPORT_PAGE_ROWS, after);
        await write(response, page.rows.map((row) => callCsvLine(callView(row))).join(''));
        if (page.next === null) break;
        after = page.next;
      }
      response.end();
      return;
    }
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, ['string', 'string'] as const);
    const page = await this.queries.page(filter, query.limit, after === null ? null : [after[0], after[1]]);
    response.status(200).json({ items: page.rows.map(callView), nextCursor: page.next === null ? null : encodeCursor(page.next) });
  }
}

function filterOf(query: CallsQuery): CallFilter {
  return { from: query.from, to: query.to, destination: query.destination, status: query.status, sipUsername: query.sipUsername };
}

function visibleAgent(user: Principal, agentId: string): void {
  if (user.role === 'agent' && user.subjectId !== agentId) throw notFound('The agent does not exist.');
}

/** Writes with back-pressure: a large export never piles up in memory. */
function write(response: RawResponse, text: string): Promise<void> {
  if (text === '' || response.write(text)) return Promise.resolve();
  return new Promise((resolve) => response.once('drain', resolve));
}

/** ?format decides when given; else an Accept that names text/csv (as the batch credentials do). */
function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  return accept !== undefined && /(^|,)\s*text\/csv\b/i.test(accept);
}
