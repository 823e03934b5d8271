// GET /api/v1/reports/summary, /customers and /series (admin, agent) and GET /api/v1/reports/live (Server-Sent Events:
// admin, agent, and a customer for its own account); POST /api/v1/reports/stream-tickets: a
// single-use ticket that opens the live feed without a token in the URL (EventSource cannot send headers).
import { AcceptStreamTicket, ApiProblemResponse, CurrentUser, Roles, StreamTickets, ValidQuery, badRequest, notFound, type Principal } from '@billing/gateway';
import { Controller, Get, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LiveFeed } from '../live/live-feed.js';
import type { LiveScope } from '../live/sse-connection.js';
import { CustomerReports } from '../summary/customer-reports.js';
import { SummaryReports } from '../summary/summary-reports.js';
import { SeriesReports } from '../series/series-reports.js';
import { CustomerFiguresResponse, SeriesResponse, SummaryResponse } from './reports.responses.js';
import { CustomerFiguresQuery, LiveQuery, SeriesQuery, StreamTicketView, SummaryQuery } from './reports.schemas.js';

const MAX_EVENT_ID_LENGTH = 200;
const LIVE_PATH = '/api/v1/reports/live';
const LIVE_TICKETS = { purpose: 'reports-live', issuedBy: '/api/v1/reports/stream-tickets' };

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(SummaryReports) private readonly reports: SummaryReports,
    @Inject(LiveFeed) private readonly feed: LiveFeed,
    @Inject(StreamTickets) private readonly tickets: StreamTickets,
    @Inject(CustomerReports) private readonly customerReports: CustomerReports,
    @Inject(SeriesReports) private readonly seriesReports: SeriesReports,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Totals of a period (deposits, transfers, calls, commission): all, per agent (admin) and ITC-direct' })
  @Roles('admin', 'agent')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'totals, per agent (admin) and ITC-direct; money as decimal strings', standardSchema: SummaryResponse })
  @ApiProblemResponse(400, 'invalid range (from/to), or longer than the maximum', ['validation'])
  @ApiProblemResponse(404, 'no such agent (or not yours)', ['not_found'])
  summary(@ValidQuery(SummaryQuery) query: SummaryQuery, @CurrentUser() user: Principal): Promise<SummaryResponse> {
    return this.reports.summary(user, query);
  }

  @Get('customers')
  @ApiOperation({
    summary:
      "Per customer and the agent its calls were rated for, over a period: rated calls, minutes, revenue (what it paid), that agent's cost of the same calls at the agent's own sheet and the margin — by revenue, with totals",
  })
  @Roles('admin', 'agent')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    description: 'by revenue; agentCost and margin over the calls whose agent cost rating recorded (null when none: ITC-direct, or calls rated before); money as decimal strings',
    standardSchema: CustomerFiguresResponse,
  })
  @ApiProblemResponse(400, 'invalid range (from/to), or longer than the maximum; a cursor this route did not issue', ['validation', 'invalid_cursor'])
  @ApiProblemResponse(404, 'no such agent (or not yours)', ['not_found'])
  customers(@ValidQuery(CustomerFiguresQuery) query: CustomerFiguresQuery, @CurrentUser() user: Principal): Promise<CustomerFiguresResponse> {
    return this.customerReports.customers(user, query);
  }

  @Get('series')
  @ApiOperation({ summary: 'Rated calls, billed minutes, revenue and deposits per bucket (default a minute) over a range — the history a live chart starts from' })
  @Roles('admin', 'agent')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'one entry per bucket from `from` (empty ones as zeros); money as decimal strings', standardSchema: SeriesResponse })
  @ApiProblemResponse(400, 'invalid range (from/to), longer than the maximum, or more than 1 440 buckets', ['validation'])
  @ApiProblemResponse(404, 'no such agent (or not yours)', ['not_found'])
  @ApiProblemResponse(503, 'within 0.5 s the read got no database connection, or the projections in flight held its place in their order, or the instance\'s other series reads queued for it filled its queue (16): retry (Retry-After)', ['overloaded'])
  series(@ValidQuery(SeriesQuery) query: SeriesQuery, @CurrentUser() user: Principal): Promise<SeriesResponse> {
    return this.seriesReports.series(user, query);
  }

  @Post('stream-tickets')
  @Roles('admin', 'agent', 'customer')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A single-use ticket (30 s) that opens the live feed as ?ticket= — for EventSource, which cannot send the Authorization header.',
  })
  @ApiResponse({ status: 201, standardSchema: StreamTicketView })
  async streamTicket(@CurrentUser() user: Principal): Promise<StreamTicketView> {
    const issued = await this.tickets.issue(user, LIVE_TICKETS.purpose);
    return { ...issued, streamPath: `${LIVE_PATH}?ticket=${issued.ticket}` };
  }

  @Get('live')
  @ApiOperation({
    summary:
      'The live feed of money and call events (Server-Sent Events), resumable with Last-Event-ID; a customer gets only its own account\'s (balance, call, call-unanswered, deposit, transfer in, hold, low-balance, caller-ids)',
  })
  @Roles('admin', 'agent', 'customer')
  @AcceptStreamTicket(LIVE_TICKETS)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    content: { 'text/event-stream': { schema: { type: 'string' } } },
    description:
      'Server-Sent Events: deposit, deposit-reversed, transfer, commission, balance, call, call-unanswered, low-balance, hold (a call in progress: placed, released, expired), ' +
      "caller-ids (a customer's CallerIDs changed: its approved ones after an approval, addition, removal or new default; or its numbers waiting for approval after a request, refusal or withdrawal — read them again) (id = event id); " +
      'resync when events may have been missed; a comment line as heartbeat every 15 s. Resume with Last-Event-ID.',
  })
  @ApiProblemResponse(401, 'no Authorization header and no ticket; a ticket unknown, used or expired; or a token in the URL (access_token is refused)', ['unauthorized'])
  @ApiProblemResponse(404, 'no such agent (or not yours; a customer naming any agent)', ['not_found'])
  @ApiProblemResponse(503, 'too many streams on this instance, or shutting down', ['too_many_streams', 'shutting_down'])
  async live(
    @ValidQuery(LiveQuery) query: LiveQuery,
    @CurrentUser() user: Principal,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const scope = await this.scopeOf(user, query.agentId);
    const header = request.headers['last-event-id'];
    const lastEventId = typeof header === 'string' && header !== '' ? header : query.lastEventId;
    if (lastEventId !== undefined && (lastEventId.length > MAX_EVENT_ID_LENGTH || /[\r\n]/.test(lastEventId))) {
      throw badRequest(`Last-Event-ID must be at most ${MAX_EVENT_ID_LENGTH} characters on one line.`);
    }
    this.feed.open(request, response, scope, lastEventId);
  }

  /** A customer: its own account, never an agent's (naming one is a 404); admin and agent: as the summary. */
  private async scopeOf(user: Principal, agentId: string | undefined): Promise<LiveScope> {
    if (user.role === 'customer') {
      if (agentId !== undefined) throw notFound('The agent does not exist.');
      return { customerId: user.subjectId };
    }
    const visible = await this.reports.visibleAgent(user, agentId);
    return visible === undefined ? {} : { agentId: visible };
  }
}
