// The SIP users (extensions) of a customer account: ITC and the customer's agent manage them;
// the customer sees its users and gives them new passwords. Another agent's customer is a 404.
import { sipUserRejections } from '@billing/accounts-domain';
import { ApiProblemResponse, Idempotent, Roles, ValidBody, ValidParam, ValidQuery } from '@billing/gateway';
import { Controller, Delete, Get, Headers, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { CommandContext } from '../application/command-context.js';
import { requestIdempotency } from '../application/request-idempotency.js';
import { SipUsersService } from '../application/sip-users.service.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import type { CustomerRow } from '../queries/rows.js';
import type { Page } from '../queries/pagination.js';
import { SipUsersQueries } from '../queries/sip-users.queries.js';
import { Caller } from './caller.decorator.js';
import { Id } from './common.schemas.js';
import { visibleCustomer } from './customer-access.js';
import {
  AddedSipUserView,
  AddSipUserBody,
  ChangeSipUserBody,
  NewSipPasswordView,
  SipUsernameParam,
  SipUserListQuery,
  SipUserView,
  sipUserView,
} from './sip-users.schemas.js';
import { pageSchema } from './views.js';

interface RawResponse {
  setHeader(name: string, value: string): void;
  status(code: number): unknown;
}
interface RawRequest {
  method: string;
  path: string;
}

const MANAGED = "ITC, or the customer's agent";

@ApiTags('customers')
@Controller('customers/:id/sip-users')
export class SipUsersController {
  constructor(
    @Inject(SipUsersService) private readonly service: SipUsersService,
    @Inject(SipUsersQueries) private readonly users: SipUsersQueries,
    @Inject(CustomersQueries) private readonly customers: CustomersQueries,
  ) {}

  @Get()
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({
    summary: "The account's SIP users, the first one first, then in the order added (ITC, its agent, the customer itself)",
    description: '`?limit=1..200` (default 100: every user an account may have) `&cursor=` (the previous page\'s `nextCursor`) → `{items, nextCursor}`; nextCursor null on the last page.',
  })
  @ApiResponse({ status: 200, standardSchema: pageSchema(SipUserView) })
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found'])
  async list(@ValidParam('id', Id) id: string, @ValidQuery(SipUserListQuery) query: SipUserListQuery, @Caller() context: CommandContext): Promise<Page<SipUserView>> {
    const customer = await this.visible(context, id);
    const page = await this.users.list(customer.customerId, query.limit, query.cursor);
    return { items: page.items.map(sipUserView), nextCursor: page.nextCursor };
  }

  @Post()
  @Roles('admin', 'agent')
  @ApiOperation({
    summary: `Add a SIP user to the account (${MANAGED}); its password is answered once`,
    description:
      'One balance, many users. The same request again (same username and settings) changes nothing and answers 200 with `credentials: null`; ' +
      'the same username with other settings is 409 sip_user_exists, a username another account holds 409 sip_username_taken. ' +
      'Without `sipUsername` the user is `<account number>-<n>` (the smallest free n ≥ 2): send an Idempotency-Key so that a retry is the same user.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Same key + same body → the user this key added, answered again WITHOUT its password (200, Idempotent-Replayed: true), never a second user; ' +
      'same key + another body → 422 idempotency_key_reused. The password is shown once and never stored in clear.',
  })
  @ApiResponse({ status: 201, standardSchema: AddedSipUserView })
  @ApiProblemResponse(403, 'the customer itself (sip_users_managed_by_agent)', ['sip_users_managed_by_agent'])
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  @ApiProblemResponse(409, 'sip_user_exists, sip_username_taken, too_many_sip_users (100), customer_closed', ['sip_user_exists', 'sip_username_taken', 'too_many_sip_users', 'customer_closed'])
  @ApiProblemResponse(400, 'invalid_idempotency_key', ['invalid_idempotency_key'])
  @ApiProblemResponse(422, 'invalid_sip_username, invalid_display_name, invalid_caller_id, caller_id_not_found, caller_id_not_approved, invalid_sip_user_limit, idempotency_key_reused', [
    'idempotency_key_reused',
    'invalid_sip_username',
    'invalid_display_name',
    'invalid_caller_id',
    'caller_id_not_found',
    'caller_id_not_approved',
    'invalid_sip_user_limit',
  ])
  async add(
    @ValidParam('id', Id) id: string,
    @ValidBody(AddSipUserBody) body: AddSipUserBody,
    @Headers('idempotency-key') key: string | undefined,
    @Caller() context: CommandContext,
    @Req() request: RawRequest,
    @Res({ passthrough: true }) response: RawResponse,
  ): Promise<z.infer<typeof AddedSipUserView>> {
    const idempotency = requestIdempotency(key, request.method, request.path, body);
    const customer = await this.visible(context, id);
    const added = await this.service.add(
      context,
      customer,
      { sipUsername: body.sipUsername, displayName: body.displayName ?? null, callerId: body.callerId ?? null, maxConcurrentCalls: body.maxConcurrentCalls ?? null },
      idempotency,
    );
    response.setHeader('Cache-Control', 'no-store');
    if (added.credentials === null) response.status(200);
    if (added.credentials === null && key !== undefined) response.setHeader('Idempotent-Replayed', 'true');
    return { user: sipUserView(added.user), credentials: added.credentials };
  }

  @Get(':sipUsername')
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({ summary: 'One SIP user of the account' })
  @ApiResponse({ status: 200, standardSchema: SipUserView })
  @ApiProblemResponse(404, 'no such customer or user, or not yours', ['not_found', 'sip_user_not_found'])
  async get(@ValidParam('id', Id) id: string, @ValidParam('sipUsername', SipUsernameParam) sipUsername: string, @Caller() context: CommandContext): Promise<SipUserView> {
    const customer = await this.visible(context, id);
    const user = await this.users.get(customer.customerId, sipUsername);
    if (user === undefined) throw sipUserRejections.sipUserNotFound();
    return sipUserView(user);
  }

  @Patch(':sipUsername')
  @Roles('admin', 'agent')
  @Idempotent()
  @ApiOperation({ summary: `Rename a SIP user, choose its CallerID or set its concurrent-call limit (${MANAGED}); absent fields stay` })
  @ApiResponse({ status: 200, standardSchema: SipUserView })
  @ApiProblemResponse(404, 'no such customer or user, or not yours', ['not_found', 'sip_user_not_found'])
  @ApiProblemResponse(422, 'invalid_display_name, invalid_caller_id, caller_id_not_found, caller_id_not_approved, invalid_sip_user_limit', [
    'invalid_display_name',
    'invalid_caller_id',
    'caller_id_not_found',
    'caller_id_not_approved',
    'invalid_sip_user_limit',
  ])
  async change(
    @ValidParam('id', Id) id: string,
    @ValidParam('sipUsername', SipUsernameParam) sipUsername: string,
    @ValidBody(ChangeSipUserBody) body: ChangeSipUserBody,
    @Caller() context: CommandContext,
  ): Promise<SipUserView> {
    await this.visible(context, id);
    return sipUserView(await this.service.change(context, id, sipUsername, body));
  }

  @Post(':sipUsername/suspend')
  @Roles('admin', 'agent')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: `Suspend a SIP user (${MANAGED}): it can no longer register or call; the account's other users can` })
  @ApiResponse({ status: 200, standardSchema: SipUserView })
  @ApiProblemResponse(404, 'no such customer or user, or not yours', ['not_found', 'sip_user_not_found'])
  async suspend(@ValidParam('id', Id) id: string, @ValidParam('sipUsername', SipUsernameParam) sipUsername: string, @Caller() context: CommandContext): Promise<SipUserView> {
    await this.visible(context, id);
    return sipUserView(await this.service.change(context, id, sipUsername, { status: 'suspended' }));
  }

  @Post(':sipUsername/reactivate')
  @Roles('admin', 'agent')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: `Reactivate a suspended SIP user (${MANAGED})` })
  @ApiResponse({ status: 200, standardSchema: SipUserView })
  @ApiProblemResponse(404, 'no such customer or user, or not yours', ['not_found', 'sip_user_not_found'])
  async reactivate(@ValidParam('id', Id) id: string, @ValidParam('sipUsername', SipUsernameParam) sipUsername: string, @Caller() context: CommandContext): Promise<SipUserView> {
    await this.visible(context, id);
    return sipUserView(await this.service.change(context, id, sipUsername, { status: 'active' }));
  }

  @Delete(':sipUsername')
  @Roles('admin', 'agent')
  @Idempotent()
  @HttpCode(204)
  @ApiOperation({
    summary: `Remove a SIP user (${MANAGED}); removing it again is a 204 too (as every delete: gone already = no change), a user the account never had is 404 sip_user_not_found. The account's first user cannot be removed (409 first_sip_user)`,
  })
  @ApiResponse({ status: 204, description: 'removed (or removed before)' })
  @ApiProblemResponse(404, 'no such customer or user, or not yours', ['not_found', 'sip_user_not_found'])
  @ApiProblemResponse(409, 'first_sip_user, customer_closed', ['first_sip_user', 'customer_closed'])
  async remove(@ValidParam('id', Id) id: string, @ValidParam('sipUsername', SipUsernameParam) sipUsername: string, @Caller() context: CommandContext): Promise<void> {
    await this.visible(context, id);
    await this.service.remove(context, id, sipUsername);
  }

  @Post(':sipUsername/password')
  @Roles('admin', 'agent', 'customer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Generate a new password for a SIP user (ITC, its agent, the customer itself); answered once, the old one stops working' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Same key + same request → the password this key set stays, answered again WITHOUT it (200, sipPassword: null, Idempotent-Replayed: true), never a second new password; ' +
      'same key + another request (another user) → 422 idempotency_key_reused. The password is shown once and never stored in clear.',
  })
  @ApiResponse({ status: 200, standardSchema: NewSipPasswordView })
  @ApiProblemResponse(400, 'invalid_idempotency_key', ['invalid_idempotency_key'])
  @ApiProblemResponse(404, 'no such customer or user, or not yours', ['not_found', 'sip_user_not_found'])
  @ApiProblemResponse(409, 'customer_closed', ['customer_closed'])
  @ApiProblemResponse(422, 'idempotency_key_reused', ['idempotency_key_reused'])
  async resetPassword(
    @ValidParam('id', Id) id: string,
    @ValidParam('sipUsername', SipUsernameParam) sipUsername: string,
    @Headers('idempotency-key') key: string | undefined,
    @Caller() context: CommandContext,
    @Req() request: RawRequest,
    @Res({ passthrough: true }) response: RawResponse,
  ): Promise<z.infer<typeof NewSipPasswordView>> {
    const idempotency = requestIdempotency(key, request.method, request.path, undefined);
    await this.visible(context, id);
    response.setHeader('Cache-Control', 'no-store');
    const changed = await this.service.resetPassword(context, id, sipUsername, idempotency);
    if (changed.sipPassword === null && key !== undefined) response.setHeader('Idempotent-Replayed', 'true');
    return changed;
  }

  private async visible(context: CommandContext, id: string): Promise<CustomerRow> {
    return visibleCustomer(context.principal, await this.customers.get(id));
  }
}
