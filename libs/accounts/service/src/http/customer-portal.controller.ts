// The customer portal's settings (DESIGN §7: agent and customer; ITC staff too): CallerIDs,
// FollowMe, low-balance threshold, e-mail and language.
import { ApiProblemResponse, ValidBody, ValidParam } from '@billing/gateway';
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

@ApiTags('customer portal')
@Controller('customers/:id')
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
  @ApiProblemResponse(422, 'invalid_follow_me_destination, invalid_ring_seconds, follow_me_too_many_targets, follow_me_empty')
  setFollowMe(@ValidParam('id', Id) id: string, @ValidBody(FollowMeBody) body: FollowMeBody, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'SetFollowMe', enabled: body.enabled, targets: body.targets }]);
  }

  @Post('caller-ids')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add a CallerID (normalised to E.164; the first one becomes the default)',
    description: '"+44 20 7946 0958" and "0044-20-7946-0958" are the same number; national numbers are refused. At most 10.',
  })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(422, 'invalid_caller_id')
  @ApiProblemResponse(409, 'caller_ids_full, customer_closed')
  addCallerId(@ValidParam('id', Id) id: string, @ValidBody(CallerIdBody) body: CallerIdBody, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'AddCallerId', callerId: body.callerId }]);
  }

  @Put('caller-ids/default')
  @ApiOperation({ summary: 'Choose the default CallerID (one of the list)' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(422, 'caller_id_not_found')
  chooseDefault(@ValidParam('id', Id) id: string, @ValidBody(CallerIdBody) body: CallerIdBody, @Caller() context: CommandContext): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'ChooseDefaultCallerId', callerId: body.callerId }]);
  }

  @Delete('caller-ids/:number')
  @ApiOperation({ summary: 'Remove a CallerID (URL-encode the +: %2B); removing the default hands it to the oldest remaining one' })
  @ApiParam({ name: 'number', example: '%2B442079460958' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  removeCallerId(
    @ValidParam('id', Id) id: string,
    @ValidParam('number', z.string().min(1).max(32)) callerId: string,
    @Caller() context: CommandContext,
  ): Promise<CustomerView> {
    return this.change(context, id, [{ type: 'RemoveCallerId', callerId }]);
  }

  @Patch('settings')
  @ApiOperation({ summary: 'Change the low-balance threshold, contact e-mail, language or low-balance mail opt-out' })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(422, 'invalid_language')
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
