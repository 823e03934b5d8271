import { ApiCsvResponse, ApiProblemResponse, CurrentUser, ProblemException, Roles, ValidBody, ValidParam, ValidQuery, type Principal } from '@billing/gateway';
import { parseMoney } from '@billing/money';
import { Body, Controller, Get, Headers, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { BatchesService, type OpenedBatch } from '../application/batches.service.js';
import type { CommandContext } from '../application/command-context.js';
import { CustomerChangesService, type CustomerChange } from '../application/customer-changes.service.js';
import { CustomersService } from '../application/customers.service.js';
import { requestIdempotency } from '../application/request-idempotency.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import type { Page } from '../queries/pagination.js';
import { Caller } from './caller.decorator.js';
import { Id, optionalBody, optionalBodyDoc, ReasonBody } from './common.schemas.js';
import { CREDENTIALS_CSV_HEADER, credentialsCsv } from './credentials-csv.js';
import { visibleCustomer } from './customer-access.js';
import { BillingBody, CredentialsFormatQuery, CustomerListQuery, OpenBatchBody, OpenCustomerBody } from './customers.schemas.js';
import { customerView, CustomerView, pageSchema } from './views.js';

/** The parts of the Express request/response these routes use. */
interface RawRequest {
  method: string;
  path: string;
}
interface RawResponse {
  setHeader(name: string, value: string): void;
}

/** The credentials CSV as OpenAPI describes it (@ApiCsvResponse). */
const CREDENTIALS_CSV_DOC = `the credentials, a line per SIP user (CRLF lines); header: ${CREDENTIALS_CSV_HEADER.join(',')}`;

const IDEMPOTENCY_HEADER_DOC = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Same key + same body → the customers opened the first time, answered again WITHOUT their passwords (200, Idempotent-Replayed: true); ' +
    'same key + another body → 422. Passwords are shown once and never stored in clear.',
};

const CredentialsView = z.object({
  accountNumber: z.string(),
  sipUsername: z.string(),
  sipPassword: z.string(),
  sipRealm: z.string(),
  portalUsername: z.string(),
  portalPassword: z.string(),
});
const FurtherSipUsersView = z
  .array(z.object({ sipUsername: z.string(), sipPassword: z.string() }))
  .meta({ description: "the account's further SIP users (its profile's sipUsersPerAccount − 1: `<account number>-2…n`), passwords shown once" });
const OpenedCustomerView = z.object({
  customer: CustomerView,
  credentials: CredentialsView.extend({ furtherSipUsers: FurtherSipUsersView }).nullable().meta({ description: 'shown once; null on a replay' }),
});
const BatchFurtherSipUsersView = z
  .array(z.object({ sipUsername: z.string(), sipPassword: z.string().nullable() }))
  .meta({ description: "the account's further SIP users (`<account number>-2…n`), passwords shown once: a replay names them with sipPassword null" });
const OpenedBatchView = z.object({
  batchId: z.string(),
  profileId: z.string(),
  agentId: z.string().nullable(),
  count: z.number().int(),
  sipRealm: z.string(),
  credentialsIncluded: z.boolean(),
  customers: z.array(
    z.object({
      customerId: z.string(),
      accountNumber: z.string(),
      sipUsername: z.string(),
      sipPassword: z.string().nullable(),
      portalUsername: z.string(),
      portalPassword: z.string().nullable(),
      furtherSipUsers: BatchFurtherSipUsersView.optional(),
    }),
  ),
});

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(
    @Inject(CustomersService) private readonly opening: CustomersService,
    @Inject(BatchesService) private readonly batches: BatchesService,
    @Inject(CustomerChangesService) private readonly changes: CustomerChangesService,
    @Inject(CustomersQueries) private readonly queries: CustomersQueries,
  ) {}

  @Post()
  @Roles('admin', 'agent')
  @ApiOperation({
    summary: 'Open one customer from a profile',
    description:
      'Generates the account number, the SIP user (= account number) and password, and the portal login (default: the account number). ' +
      'The passwords are in this answer only: the SIP password is kept as its HA1 digest. An agent opens customers for itself ' +
      "(the initial balance is funded from the agent's balance); ITC opens ITC-direct customers or an agent's (funded by ITC).",
  })
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiCsvResponse(CREDENTIALS_CSV_DOC)
  @ApiResponse({ status: 201, standardSchema: OpenedCustomerView })
  @ApiProblemResponse(
    403,
    "an agent's opening with terms ITC does not let it give: rate_sheet_not_allowed, rate_sheet_below_cost, credit_limit_above_agent_maximum, " +
      'agent_credit_total_exceeded (its open postpaid customers would together hold more credit than its maxTotalCustomerCredit; `available` says how much is left)',
  )
  @ApiProblemResponse(404, "profile or agent not found; account_not_found: the wallet does not have the agent's account", ['not_found', 'profile_not_found', 'agent_not_found', 'account_not_found'])
  @ApiProblemResponse(
    409,
    "username_taken, agent_suspended, profile_archived; the wallet's refusal to reserve the initial balance: insufficient_funds (the agent's balance cannot fund it), in_debt (the agent owes money), account_closed, id_reused — each with `available`, what the agent may move",
  )
  @ApiProblemResponse(422, 'username_reserved (a portal username of digits only), invalid_username, invalid_email, rate_sheet_not_found (the sheet of the profile is gone), rate_sheet_required (neither the profile nor the agent names a sheet), idempotency_key_reused (the key was used for another body)')
  @ApiProblemResponse(503, 'the wallet (reserving the initial balance) or rating (checking the sheet) could not be reached; nothing was opened', ['wallet_unavailable', 'rating_unavailable'])
  async open(
    @ValidBody(OpenCustomerBody) body: OpenCustomerBody,
    @ValidQuery(CredentialsFormatQuery) query: CredentialsFormatQuery,
    @Headers('idempotency-key') key: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Caller() context: CommandContext,
    @Req() request: RawRequest,
    @Res({ passthrough: true }) response: RawResponse & { status(code: number): unknown },
  ): Promise<unknown> {
    const agentId = this.agentOfNewCustomer(context.principal, body.agentId);
    const opened = await this.opening.open(context, {
      profileId: body.profileId,
      agentId,
      initialBalanceSource: context.principal.role === 'agent' ? 'agent' : 'operator',
      contactEmail: body.contactEmail ?? null,
      portalUsername: body.portalUsername,
      idempotency: requestIdempotency(key, request.method, request.path, body),
    });
    const replayed = opened.credentials === null;
    credentialHeaders(response, replayed);
    if (replayed) response.status(200);
    const { customer, credentials, sipRealm } = opened;
    if (wantsCsv(query, accept)) {
      const row = {
        customerId: customer.customerId,
        accountNumber: customer.accountNumber,
        sipUsername: customer.sipUsername,
        portalUsername: customer.portalUsername,
        sipPassword: credentials?.sipPassword ?? null,
        portalPassword: credentials?.portalPassword ?? null,
        furtherSipUsers: opened.furtherSipUsers.map(({ sipUsername, sipPassword }) => ({ sipUsername, sipPassword })),
      };
      return csv(response, `customer-${customer.accountNumber}.csv`, credentialsCsv([row], sipRealm));
    }
    return {
      customer: customerView(customer),
      credentials:
        credentials === null
          ? null
          : {
              accountNumber: credentials.accountNumber,
              sipUsername: credentials.sipUsername,
              sipPassword: credentials.sipPassword,
              sipRealm,
              portalUsername: credentials.portalUsername,
              portalPassword: credentials.portalPassword,
              furtherSipUsers: opened.furtherSipUsers.map(({ sipUsername, sipPassword }) => ({ sipUsername, sipPassword })),
            },
    };
  }

  @Post('batch')
  @Roles('admin')
  @ApiOperation({
    summary: 'Open a batch of 10 to 1000 customers from one profile (ITC only)',
    description:
      'All customers or none: a refused batch leaves nothing behind. The credentials of every customer are returned once, ' +
      'as JSON or as CSV (Accept: text/csv or ?format=csv) to hand out. A count under 10 or over 1000 is a 422.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiCsvResponse(CREDENTIALS_CSV_DOC)
  @ApiResponse({ status: 201, standardSchema: OpenedBatchView })
  @ApiProblemResponse(422, 'batch_too_small (count < 10), batch_too_large (count > 1000), rate_sheet_required, idempotency_key_reused, profile rules')
  @ApiProblemResponse(404, 'profile or agent not found', ['profile_not_found', 'agent_not_found'])
  async openBatch(
    @ValidBody(OpenBatchBody) body: OpenBatchBody,
    @ValidQuery(CredentialsFormatQuery) query: CredentialsFormatQuery,
    @Headers('idempotency-key') key: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Caller() context: CommandContext,
    @Req() request: RawRequest,
    @Res({ passthrough: true }) response: RawResponse & { status(code: number): unknown },
  ): Promise<unknown> {
    const batch: OpenedBatch = await this.batches.open(context, {
      profileId: body.profileId,
      agentId: body.agentId ?? null,
      count: body.count,
      idempotency: requestIdempotency(key, request.method, request.path, body),
    });
    credentialHeaders(response, !batch.credentialsIncluded);
    if (!batch.credentialsIncluded) response.status(200);
    if (wantsCsv(query, accept)) return csv(response, `batch-${batch.batchId}.csv`, credentialsCsv(batch.customers, batch.sipRealm));
    return { ...batch, count: batch.customers.length };
  }

  @Get()
  @ApiOperation({ summary: 'List customers: admin all (filters), an agent its own, a customer itself', description: 'Ordered by account number.' })
  @ApiResponse({ status: 200, standardSchema: pageSchema(CustomerView) })
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  async list(@ValidQuery(CustomerListQuery) query: CustomerListQuery, @CurrentUser() user: Principal): Promise<Page<CustomerView>> {
    const filter = {
      batchId: query.batchId,
      status: query.status,
      search: query.search,
      pendingCallerIds: query.pendingCallerIds,
      ...(user.role === 'agent' ? { agentId: user.subjectId } : {}),
      ...(user.role === 'customer' ? { customerId: user.subjectId } : {}),
      ...(user.role === 'admin' && query.agentId !== undefined ? { agentId: query.agentId === 'itc' ? null : query.agentId } : {}),
    };
    if (user.role !== 'admin' && query.agentId !== undefined && query.agentId !== user.subjectId) return { items: [], nextCursor: null };
    const page = await this.queries.list(filter, query.limit, query.cursor);
    return { items: page.items.map(customerView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One customer' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  async get(@ValidParam('id', Id) id: string, @CurrentUser() user: Principal): Promise<CustomerView> {
    return customerView(visibleCustomer(user, await this.queries.get(id)));
  }

  @Post(':id/suspend')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend a customer: the softswitch no longer authenticates it; settings can still change' })
  @ApiBody(optionalBodyDoc(ReasonBody))
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  async suspend(@ValidParam('id', Id) id: string, @Body() raw: unknown, @Caller() context: CommandContext): Promise<CustomerView> {
    const { reason } = optionalBody(ReasonBody, raw);
    return this.change(context, id, [{ type: 'SuspendCustomer', reason: reason ?? null }]);
  }

  @Post(':id/reactivate')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a suspended customer (a closed one stays closed: 409)' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(409, 'customer_closed')
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  async reactivate(@ValidParam('id', Id) id: string, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'ReactivateCustomer' }]);
  }

  @Post(':id/close')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a customer for good: no calls, no portal login, no further change' })
  @ApiBody(optionalBodyDoc(ReasonBody))
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  async close(@ValidParam('id', Id) id: string, @Body() raw: unknown, @Caller() context: CommandContext): Promise<CustomerView> {
    const { reason } = optionalBody(ReasonBody, raw);
    return this.change(context, id, [{ type: 'CloseCustomer', reason: reason ?? null }]);
  }

  @Patch(':id')
  @Roles('admin', 'agent')
  @ApiOperation({
    summary: "Change a customer's rate sheet or (postpaid) credit limit (ITC; an agent for its own customers, within what ITC lets it give)",
    description:
      'An agent may give only the sheet ITC assigned to it or a sheet derived from it at a markup ≥ 0 (by the agent or ITC), and a credit limit ' +
      "up to its maxCustomerCreditLimit, and a raise only while its open postpaid customers' credit limits together stay within its maxTotalCustomerCredit; " +
      "ITC is not limited. Another agent's customer is a 404.",
  })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(403, 'rate_sheet_not_allowed, rate_sheet_below_cost, credit_limit_above_agent_maximum, agent_credit_total_exceeded (with `available`)')
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  @ApiProblemResponse(422, 'rate_sheet_not_found, credit_limit_not_allowed (prepaid)')
  async changeBilling(@ValidParam('id', Id) id: string, @ValidBody(BillingBody) body: BillingBody, @Caller() context: CommandContext): Promise<CustomerView> {
    const changes: CustomerChange[] = [];
    if (body.rateSheetId !== undefined) changes.push({ type: 'ChangeCustomerRateSheet', rateSheetId: body.rateSheetId });
    if (body.creditLimit !== undefined) changes.push({ type: 'ChangeCustomerCreditLimit', creditLimitMicros: parseMoney(body.creditLimit, 'creditLimit') });
    return this.change(context, id, changes);
  }

  @Post(':id/sip-password')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Generate a new SIP password (answered once; the old one stops working)' })
  @ApiResponse({ status: 200, standardSchema: z.object({ sipUsername: z.string(), sipPassword: z.string(), sipRealm: z.string() }) })
  @ApiProblemResponse(409, 'customer_closed')
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  async resetSipPassword(@ValidParam('id', Id) id: string, @Caller() context: CommandContext, @Res({ passthrough: true }) response: RawResponse) {
    const customer = visibleCustomer(context.principal, await this.queries.get(id));
    credentialHeaders(response, false);
    return this.changes.resetSipPassword(context, customer);
  }

  @Post(':id/portal-password')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Generate a new portal password (answered once; creates the login if it is missing)' })
  @ApiResponse({ status: 200, standardSchema: z.object({ portalUsername: z.string(), portalPassword: z.string() }) })
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  @ApiProblemResponse(409, 'customer_closed')
  async resetPortalPassword(@ValidParam('id', Id) id: string, @CurrentUser() user: Principal, @Res({ passthrough: true }) response: RawResponse) {
    const customer = visibleCustomer(user, await this.queries.get(id));
    credentialHeaders(response, false);
    return this.changes.resetPortalPassword(customer);
  }

  private async change(context: CommandContext, id: string, changes: CustomerChange[]): Promise<CustomerView> {
    visibleCustomer(context.principal, await this.queries.get(id));
    return customerView(await this.changes.apply(context, id, changes));
  }

  /** Admin: the body's agent or ITC-direct; an agent: itself, whatever else it names is refused. */
  private agentOfNewCustomer(user: Principal, requested: string | null | undefined): string | null {
    if (user.role !== 'agent') return requested ?? null;
    if (requested !== undefined && requested !== null && requested !== user.subjectId) {
      throw new ProblemException(403, 'forbidden', 'An agent opens customers for itself only.');
    }
    return user.subjectId;
  }
}

function wantsCsv(query: CredentialsFormatQuery, accept: string | undefined): boolean {
  if (query.format !== undefined) return query.format === 'csv';
  return accept !== undefined && /(^|,)\s*text\/csv\b/i.test(accept);
}

/** Credentials must not be cached by browsers or proxies. */
function credentialHeaders(response: RawResponse, replayed: boolean): void {
  response.setHeader('Cache-Control', 'no-store');
  if (replayed) response.setHeader('Idempotent-Replayed', 'true');
}

function csv(response: RawResponse, filename: string, body: string): string {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
}
