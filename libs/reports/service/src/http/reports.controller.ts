// GET /api/v1/reports/summary and GET /api/v1/reports/live (Server-Sent Events), admin and agent.
import { AcceptQueryToken, ApiProblemResponse, CurrentUser, Roles, ValidQuery, badRequest, type Principal } from '@billing/gateway';
import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LiveFeed } from '../live/live-feed.js';
import { SummaryReports } from '../summary/summary-reports.js';
import type { SummaryView } from '../summary/summary-view.js';
import { LiveQuery, SummaryQuery } from './reports.schemas.js';

const MAX_EVENT_ID_LENGTH = 200;

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(SummaryReports) private readonly reports: SummaryReports,
    @Inject(LiveFeed) private readonly feed: LiveFeed,
  ) {}

  @Get('summary')
  @Roles('admin', 'agent')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'totals, per agent (admin) and ITC-direct; money as decimal strings' })
  @ApiProblemResponse(400, 'invalid range (from/to), or longer than the maximum')
  @ApiProblemResponse(404, 'no such agent (or not yours)')
  summary(@ValidQuery(SummaryQuery) query: SummaryQuery, @CurrentUser() user: Principal): Promise<SummaryView> {
    return this.reports.summary(user, query);
  }

  @Get('live')
  @Roles('admin', 'agent')
  @AcceptQueryToken()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Server-Sent Events: deposit, deposit-reversed, transfer, commission, balance, call, low-balance (id = event id); ' +
      'resync when events may have been missed; a comment line as heartbeat every 15 s. Resume with Last-Event-ID.',
  })
  @ApiProblemResponse(404, 'no such agent (or not yours)')
  @ApiProblemResponse(503, 'too many streams on this instance, or shutting down')
  async live(
    @ValidQuery(LiveQuery) query: LiveQuery,
    @CurrentUser() user: Principal,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const agentId = await this.reports.visibleAgent(user, query.agentId);
    const header = request.headers['last-event-id'];
    const lastEventId = typeof header === 'string' && header !== '' ? header : query.lastEventId;
    if (lastEventId !== undefined && (lastEventId.length > MAX_EVENT_ID_LENGTH || /[\r\n]/.test(lastEventId))) {
      throw badRequest(`Last-Event-ID must be at most ${MAX_EVENT_ID_LENGTH} characters on one line.`);
    }
    this.feed.open(request, response, agentId === undefined ? {} : { agentId }, lastEventId);
  }
}
