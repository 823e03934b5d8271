// The HTTP face of AccountsHistory for the wallet and rating processes (distributed mode), with
// the contract of libs/contracts (history-api.ts). Service to service: the internal service key.
import { AccountsHistoryQueryV1, AccountsHistoryResponseV1 } from '@billing/contracts';
import { Roles, ValidQuery } from '@billing/gateway';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountsHistory } from './accounts-history.js';

@ApiTags('internal')
@Controller('internal/accounts')
export class HistoryController {
  constructor(@Inject(AccountsHistory) private readonly accountsHistory: AccountsHistory) {}

  @Get('history')
  @Roles('service')
  @ApiOperation({
    summary: "A customer's or agent's integration events, oldest first (service to service)",
    description:
      'Exactly one of `?account=` (customer id or account number), `?sipUsername=` (any SIP user of the account), `?agentId=`; optional `?from=` (a stream version: the previous page\'s `next`). ' +
      'Always 200 for a valid query: `{events, next}` — the `accounts.*` v1 events of that customer\'s or agent\'s stream as published on accounts.events.v1 (same eventId): the opening, then every later change; ' +
      '`events: []` on the first page = accounts knows no such customer or agent; `next` = the `from` of the following page (at most 500 stream events a page), null at the end.',
  })
  @ApiResponse({ status: 200, standardSchema: AccountsHistoryResponseV1 })
  async history(@ValidQuery(AccountsHistoryQueryV1) query: AccountsHistoryQueryV1): Promise<AccountsHistoryResponseV1> {
    return this.accountsHistory.page(query);
  }
}
