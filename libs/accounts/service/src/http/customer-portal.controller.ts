// The customer portal's settings (docs/API.md: agent and customer; ITC staff too): CallerIDs,
// FollowMe, low-balance threshold, e-mail and language.
import { ApiProblemResponse, Roles, ValidBody, ValidParam } from '@billing/gateway';
import { parseMoney } from '@billing/money';
import { Controller, Delete, HttpCode, Inject, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { CommandContext } from '../application/command-context.js';
import { CustomerChangesService, type CustomerChange } from '../application/customer-changes.service.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import { Caller } from './caller.decorator.js';
import { Id } from './common.schemas.js';
import { visibleCustomer } from './customer-access.js';
import { CallerIdBody, FollowMeBody, SettingsBody } from './customers.schemas.js';
import { customerView, CustomerView } from './views.js';

const NumberParam = z.string().min(1).max(32);

@ApiTags('customer portal')
@Controller('customers/:id')
@ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
export class CustomerPortalController {
  constructor(
    @Inject(CustomerChangesService) private readonly changes: CustomerChangesService,
    @Inject(CustomersQueries) private readonly queries: CustomersQueries,
  ) {}

  @Put('follow-me')
  @ApiOperation({
    summary: 'Replace FollowMe: ordered targets (E.164) with ring seconds, enabled or not',
    description: 'At most 5 distinct targets, each ringing 5 to 120 s; enabling needs at least one target.',
  })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(403, 'feature_follow_me_not_assigned (ITC has not given the customer FollowMe; switching it off stays allowed)')
  @ApiProblemResponse(422, 'invalid_follow_me_destination, duplicate_follow_me_destination, invalid_ring_seconds, follow_me_too_many_targets, follow_me_empty')
  @ApiProblemResponse(409, 'customer_closed')
  setFollowMe(@ValidParam('id', Id) id: string, @ValidBody(FollowMeBody) body: FollowMeBody, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'SetFollowMe', enabled: body.enabled, targets: body.targets }]);
  }

  @Post('caller-ids')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add a CallerID (normalised to E.164): by the agent or ITC approved at once, by the customer pending approval',
    description:
      '"+44 20 7946 0958" and "0044-20-7946-0958" are the same number; national numbers are refused. At most 10, pending ones included. ' +
      "A number the customer adds is listed in pendingCallerIds until its agent (or ITC) approves it; only approved numbers (callerIds) go to the switch, " +
      'and the first approved one becomes the default. When ITC has switched the agent\'s customersMayAddCallerIds off, a customer\'s add is a 403.',
  })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(403, 'caller_id_self_service_disabled, feature_caller_id_self_management_not_assigned (the customer itself, when ITC has not given it CallerID self-management)')
  @ApiProblemResponse(422, 'invalid_caller_id')
  @ApiProblemResponse(409, 'caller_ids_full, customer_closed')
  addCallerId(@ValidParam('id', Id) id: string, @ValidBody(CallerIdBody) body: CallerIdBody, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'AddCallerId', callerId: body.callerId }]);
  }

  @Post('caller-ids/:number/approve')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: "Approve a CallerID the customer added (its agent or ITC; URL-encode the +: %2B): it goes to the switch from now on" })
  @ApiParam({ name: 'number', example: '%2B442079460958' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(403, 'caller_id_approval_not_allowed')
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  @ApiProblemResponse(422, 'caller_id_not_pending, invalid_caller_id')
  approveCallerId(@ValidParam('id', Id) id: string, @ValidParam('number', NumberParam) callerId: string, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'ApproveCallerId', callerId }]);
  }

  @Post('caller-ids/:number/reject')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a CallerID the customer added (its agent or ITC): it is dropped and never goes to the switch' })
  @ApiParam({ name: 'number', example: '%2B442079460958' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(403, 'caller_id_approval_not_allowed')
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'customer_not_found'])
  @ApiProblemResponse(409, 'caller_id_already_approved (remove it instead)')
  rejectCallerId(@ValidParam('id', Id) id: string, @ValidParam('number', NumberParam) callerId: string, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'RejectCallerId', callerId }]);
  }

  @Put('caller-ids/default')
  @ApiOperation({ summary: 'Choose the default CallerID (one of the approved numbers)' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(403, 'feature_caller_id_self_management_not_assigned (the customer itself)')
  @ApiProblemResponse(422, 'caller_id_not_found, caller_id_not_approved')
  chooseDefault(@ValidParam('id', Id) id: string, @ValidBody(CallerIdBody) body: CallerIdBody, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'ChooseDefaultCallerId', callerId: body.callerId }]);
  }

  @Delete('caller-ids/:number')
  @ApiOperation({ summary: 'Remove a CallerID, or withdraw a pending one (URL-encode the +: %2B); removing the default hands it to the oldest remaining one' })
  @ApiParam({ name: 'number', example: '%2B442079460958' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(403, 'feature_caller_id_self_management_not_assigned (the customer itself)')
  removeCallerId(
    @ValidParam('id', Id) id: string,
    @ValidParam('number', NumberParam) callerId: string,
    @Caller() context: CommandContext,
  ): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'RemoveCallerId', callerId }]);
  }

  @Patch('settings')
  @ApiOperation({ summary: 'Change the low-balance threshold, contact e-mail, language or low-balance mail opt-out' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(422, 'invalid_language')
  @ApiProblemResponse(409, 'customer_closed')
  changeSettings(@ValidParam('id', Id) id: string, @ValidBody(SettingsBody) body: SettingsBody, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [
      {
        type: 'ChangeCustomerSettings',
        changes: {
          lowBalanceThresholdMicros: body.lowBalanceThreshold === undefined ? undefined : parseMoney(body.lowBalanceThreshold, 'lowBalanceThreshold'),
          contactEmail: body.contactEmail,
          language: body.language,
          lowBalanceEmailEnabled: body.lowBalanceEmailEnabled,
        },
      },
    ]);
  }

  private async change(context: CommandContext, id: string, changes: CustomerChange[]): Promise<CustomerView> {
    visibleCustomer(context.principal, await this.queries.get(id));
    return customerView(await this.changes.apply(context, id, changes));
  }
}
