import {
  ApiProblemResponse,
  assertVisible,
  CurrentUser,
  Idempotent,
  IdempotencyKey,
  Roles,
  uuidFromName,
  ValidBody,
  ValidParam,
  ValidQuery,
  type IdempotencyContext,
  type Principal,
} from '@billing/gateway';
import { parseMoney, parsePercent } from '@billing/money';
import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AgentsService } from '../application/agents.service.js';
import type { CommandContext } from '../application/command-context.js';
import { PortalLogins } from '../application/portal-logins.js';
import { AgentsQueries } from '../queries/agents.queries.js';
import { DEFAULT_PAGE_SIZE, encodeCursor, decodeCursor, type Page } from '../queries/pagination.js';
import { agentAuditEntry, AgentAuditEntry } from './agent-audit.js';
import { AgentListQuery, AgentPasswordBody, ChangeAgentBody, RegisterAgentBody } from './agents.schemas.js';
import { Caller } from './caller.decorator.js';
import { Id, ListQuery, optionalBody, optionalBodyDoc, ReasonBody } from './common.schemas.js';
import { agentView, AgentView, pageSchema } from './views.js';

@ApiTags('agents')
@Controller('agents')
export class AgentsController {
  constructor(
    @Inject(AgentsService) private readonly agents: AgentsService,
    @Inject(AgentsQueries) private readonly queries: AgentsQueries,
    @Inject(PortalLogins) private readonly logins: PortalLogins,
  ) {}

  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiOperation({
    summary: 'Register an agent (reseller) with its commission, default rate sheet and portal login',
    description: 'commissionPercent is a decimal string from "0" to "100"; lowBalanceThreshold is money as a decimal string.',
  })
  @ApiResponse({ status: 201, description: 'the agent', standardSchema: AgentView })
  @ApiProblemResponse(409, 'username_taken, agent_exists')
  @ApiProblemResponse(422, 'rate_sheet_not_found, username_reserved (a username of digits only), invalid_username, invalid_name, invalid_email, invalid_commission, invalid_max_customer_credit_limit, invalid_max_total_customer_credit, weak_password')
  @ApiProblemResponse(503, 'rating could not be reached to check the rate sheet; nothing was changed', ['rating_unavailable'])
  async register(@ValidBody(RegisterAgentBody) body: RegisterAgentBody, @Caller() context: CommandContext, @IdempotencyKey() idempotency: IdempotencyContext | undefined): Promise<AgentView> {
    // with an Idempotency-Key, a retry after the key expired still finds the same agent
    const agentId = idempotency === undefined ? randomUUID() : uuidFromName(`accounts:agent:${idempotency.scopedKey}`);
    const agent = await this.agents.register(context, {
      agentId,
      name: body.name,
      contactEmail: body.contactEmail,
      commissionMicroPercent: parsePercent(body.commissionPercent, 'commissionPercent'),
      rateSheetId: body.rateSheetId,
      lowBalanceThresholdMicros: parseMoney(body.lowBalanceThreshold, 'lowBalanceThreshold'),
      username: body.username,
      password: body.password,
      maxCustomerCreditLimitMicros: parseMoney(body.maxCustomerCreditLimit, 'maxCustomerCreditLimit'),
      // not sent: one customer at the maximum (ITC raises it to let the agent grant more customers credit)
      maxTotalCustomerCreditMicros: parseMoney(body.maxTotalCustomerCredit ?? body.maxCustomerCreditLimit, 'maxTotalCustomerCredit'),
      customersMayAddCallerIds: body.customersMayAddCallerIds,
    });
    return agentView(agent);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List agents (registration order, cursor pagination), optionally by status and ?search=' })
  @ApiResponse({ status: 200, standardSchema: pageSchema(AgentView) })
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  async list(@ValidQuery(AgentListQuery) query: AgentListQuery): Promise<Page<AgentView>> {
    const page = await this.queries.list(query.limit, query.cursor, { status: query.status, search: query.search });
    return { items: page.items.map(agentView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'One agent (an agent: only itself)' })
  @ApiResponse({ status: 200, standardSchema: AgentView })
  @ApiProblemResponse(404, 'no such agent, or not yours', ['not_found'])
  async get(@ValidParam('id', Id) id: string, @CurrentUser() user: Principal): Promise<AgentView> {
    return agentView(assertVisible(user, await this.queries.get(id), (agent) => ({ agentId: agent.agentId }), 'agent'));
  }

  @Patch(':id')
  @Roles('admin', 'agent')
  @ApiOperation({
    summary: "Change an agent: ITC any field; the agent itself its own contact details (name, contactEmail)",
    description:
      'Each change is recorded with who made it and when (GET /agents/{id}/changes). Fields not sent stay as they are. ' +
      'An agent sending commissionPercent, rateSheetId, lowBalanceThreshold, maxCustomerCreditLimit, maxTotalCustomerCredit or customersMayAddCallerIds gets 403 itc_only and nothing changes.',
  })
  @ApiResponse({ status: 200, standardSchema: AgentView })
  @ApiProblemResponse(403, 'itc_only (an agent changing what ITC sets)')
  @ApiProblemResponse(404, 'no such agent (or another agent)', ['not_found', 'agent_not_found'])
  @ApiProblemResponse(422, 'invalid_name, invalid_email, invalid_commission, rate_sheet_not_found, invalid_max_customer_credit_limit, invalid_max_total_customer_credit')
  async change(@ValidParam('id', Id) id: string, @ValidBody(ChangeAgentBody) body: ChangeAgentBody, @Caller() context: CommandContext): Promise<AgentView> {
    // another agent is a 404, as for every read (ITC gets the domain's agent_not_found)
    if (context.principal.role === 'agent') assertVisible(context.principal, await this.queries.get(id), (a) => ({ agentId: a.agentId }), 'agent');
    const agent = await this.agents.change(context, id, {
      name: body.name,
      contactEmail: body.contactEmail,
      commissionMicroPercent: body.commissionPercent === undefined ? undefined : parsePercent(body.commissionPercent, 'commissionPercent'),
      rateSheetId: body.rateSheetId,
      lowBalanceThresholdMicros: body.lowBalanceThreshold === undefined ? undefined : parseMoney(body.lowBalanceThreshold, 'lowBalanceThreshold'),
      maxCustomerCreditLimitMicros: body.maxCustomerCreditLimit === undefined ? undefined : parseMoney(body.maxCustomerCreditLimit, 'maxCustomerCreditLimit'),
      maxTotalCustomerCreditMicros: body.maxTotalCustomerCredit === undefined ? undefined : parseMoney(body.maxTotalCustomerCredit, 'maxTotalCustomerCredit'),
      customersMayAddCallerIds: body.customersMayAddCallerIds,
    });
    return agentView(agent);
  }

  @Get(':id/changes')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: "The agent's audit trail: every change with its actor and time, oldest first" })
  @ApiResponse({ status: 200, standardSchema: pageSchema(AgentAuditEntry) })
  async changes(@ValidParam('id', Id) id: string, @ValidQuery(ListQuery) query: z.infer<typeof ListQuery>, @CurrentUser() user: Principal): Promise<Page<AgentAuditEntry>> {
    assertVisible(user, await this.queries.get(id), (agent) => ({ agentId: agent.agentId }), 'agent');
    const from = query.cursor === undefined ? 0 : Number(decodeCursor(query.cursor, ['integer'])[0]);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const events = await this.agents.history(id, Number.isSafeInteger(from) && from >= 0 ? from : 0, limit + 1);
    const items = events.slice(0, limit).map(({ version, event }) => agentAuditEntry(version, event));
    const last = items[items.length - 1];
    return { items, nextCursor: events.length > limit && last !== undefined ? encodeCursor([String(last.version + 1)]) : null };
  }

  @Post(':id/suspend')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend an agent: it keeps its customers, but no new ones can be opened for it' })
  @ApiBody(optionalBodyDoc(ReasonBody))
  @ApiResponse({ status: 200, standardSchema: AgentView })
  @ApiProblemResponse(404, 'no such agent', ['agent_not_found'])
  async suspend(@ValidParam('id', Id) id: string, @Body() raw: unknown, @Caller() context: CommandContext): Promise<AgentView> {
    const body = optionalBody(ReasonBody, raw);
    return agentView(await this.agents.suspend(context, id, body.reason ?? null));
  }

  @Post(':id/reactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a suspended agent' })
  @ApiResponse({ status: 200, standardSchema: AgentView })
  async reactivate(@ValidParam('id', Id) id: string, @Caller() context: CommandContext): Promise<AgentView> {
    return agentView(await this.agents.reactivate(context, id));
  }

  @Put(':id/password')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: "Set the agent's portal password (also creates its login if it is missing)" })
  @ApiProblemResponse(404, 'no such agent', ['not_found'])
  @ApiProblemResponse(422, 'weak_password (the rule and the reason in `detail`)')
  async setPassword(@ValidParam('id', Id) id: string, @ValidBody(AgentPasswordBody) body: AgentPasswordBody, @CurrentUser() user: Principal): Promise<void> {
    const agent = assertVisible(user, await this.queries.get(id), (a) => ({ agentId: a.agentId }), 'agent');
    await this.logins.reset({ username: agent.username, password: body.password, role: 'agent', subjectId: agent.agentId });
  }
}
