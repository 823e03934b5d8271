// Rating's catch-up on an accounts change for an accounts process elsewhere (distributed mode): the
// HTTP face of RatingAccountsCatchUp.catchUp, with the contract of libs/contracts (catch-up-api.ts).
// Service to service: the internal service key (role `service`), as the other internal routes.
import { AccountsCatchUpRequestV1, AccountsCatchUpResponseV1 } from '@billing/contracts';
import { Roles, ValidBody } from '@billing/gateway';
import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RatingAccountsCatchUp } from '../accounts/accounts-catch-up.js';

@ApiTags('internal')
@Controller('internal/rating')
export class AccountsCatchUpController {
  constructor(@Inject(RatingAccountsCatchUp) private readonly catchUp: RatingAccountsCatchUp) {}

  @Post('accounts-catch-up')
  @HttpCode(200)
  @Roles('service')
  @ApiOperation({
    summary: "Apply an accounts change before accounts answers its command (service to service)",
    description:
      '`{streams: [{key: {account: customerId} | {agentId}, events: [{eventId, type}]}]}` (1–1000 streams, ≤ 10 000 events in all) — the integration events an accounts command just committed, per customer or agent (a batch opening: every customer). ' +
      'Answers once rating has applied every one of them it uses (taking the history of each customer or agent it lacks from accounts, a few at a time, when its consumer has not delivered them yet): `{applied: true}`; ' +
      '`{applied: false}` when accounts could not be reached (its consumer applies them later).',
  })
  @ApiResponse({ status: 200, standardSchema: AccountsCatchUpResponseV1 })
  async catchUpOn(@ValidBody(AccountsCatchUpRequestV1) body: AccountsCatchUpRequestV1): Promise<AccountsCatchUpResponseV1> {
    return { applied: await this.catchUp.catchUp(body) };
  }
}
