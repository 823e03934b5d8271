// The HTTP face of AccountsOpenings for the wallet and rating processes (distributed mode), with
// the contract of libs/contracts (openings-api.ts). Service to service: the switch API key.
import { AccountsOpeningQueryV1, AccountsOpeningResponseV1 } from '@billing/contracts';
import { Roles, ValidQuery } from '@billing/gateway';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountsOpenings } from './accounts-openings.js';

@ApiTags('internal')
@Controller('internal/accounts')
export class OpeningsController {
  constructor(@Inject(AccountsOpenings) private readonly openings: AccountsOpenings) {}

  @Get('openings')
  @Roles('switch')
  @ApiOperation({
    summary: 'The integration event that opened a customer or registered an agent (service to service)',
    description:
      'Exactly one of `?account=` (customer id or account number), `?sipUsername=`, `?agentId=`. Always 200 for a valid query: ' +
      '`{opening}` = the `accounts.CustomerOpened` / `accounts.AgentRegistered` v1 event as published on accounts.events.v1 (same eventId), or null when there is none.',
  })
  @ApiResponse({ status: 200, standardSchema: AccountsOpeningResponseV1 })
  async opening(@ValidQuery(AccountsOpeningQueryV1) query: AccountsOpeningQueryV1): Promise<AccountsOpeningResponseV1> {
    return { opening: await this.openings.opening(query) };
  }
}
