// /api/v1/wallet/balances and /api/v1/wallet/open-holds: the portal's lists — agents or customers
// with their balances (one read per page, not one per row), those needing money (in debt or below
// their low-balance threshold: ITC's watchlist, an agent's "customers needing money"), and the
// calls in progress (open holds). Admin: everything (or one agent's); an agent: its customers
// (and itself); another agent's id is a 404, as everywhere.
import { ApiProblemResponse, CurrentUser, notFound, Roles, ValidQuery, type Principal } from '@billing/gateway';
import { formatMoney } from '@billing/money';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../application/clock.js';
import { BalanceLists, decodeAccountCursor } from '../queries/balance-lists.js';
import { BalanceListQuery, OpenHoldsQuery } from './balance-lists.schemas.js';
import { balanceView } from './wallet.views.js';
import { BalanceListView, OpenHoldsView } from './wallet.responses.js';

@ApiTags('wallet')
@Controller('wallet')
export class BalanceListsController {
  constructor(
    @Inject(BalanceLists) private readonly lists: BalanceLists,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('balances')
  @Roles('admin', 'agent')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Agents' or customers' balances, debt and thresholds in one page; needsMoney=true: only those in debt or below their low-balance threshold (the watchlist)" })
  @ApiOkResponse({ description: 'by account id', standardSchema: BalanceListView })
  @ApiProblemResponse(400, 'an invalid filter or cursor', ['validation', 'invalid_cursor'])
  @ApiProblemResponse(404, 'another agent', ['not_found'])
  async balances(@ValidQuery(BalanceListQuery) query: BalanceListQuery, @CurrentUser() user: Principal): Promise<BalanceListView> {
    const agentId = scopedAgent(user, query.agentId);
    const page = await this.lists.balances({
      kind: query.kind,
      ...(agentId === undefined ? {} : { agentId }),
      ...(query.ids === undefined ? {} : { holderIds: query.ids }),
      needsMoney: query.needsMoney,
      limit: query.limit,
      ...(query.cursor === undefined ? {} : { after: decodeAccountCursor(query.cursor) }),
    });
    return {
      // an agent's or a customer's account always names its holder (only ITC's own accounts have none)
      items: page.items.flatMap((view) =>
        view.holderId === null ? [] : [{ kind: query.kind, id: view.holderId, ...balanceView(view), belowThreshold: view.balanceMicros < view.lowBalanceThresholdMicros }],
      ),
      nextCursor: page.nextCursor,
    };
  }

  @Get('open-holds')
  @Roles('admin', 'agent')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The calls in progress: holds placed by authorizations and not yet settled by their CDR, released or expired — count, amount held and the latest' })
  @ApiOkResponse({ standardSchema: OpenHoldsView })
  @ApiProblemResponse(400, 'an invalid filter', ['validation'])
  @ApiProblemResponse(404, 'another agent', ['not_found'])
  async openHolds(@ValidQuery(OpenHoldsQuery) query: OpenHoldsQuery, @CurrentUser() user: Principal): Promise<OpenHoldsView> {
    const agentId = scopedAgent(user, query.agentId);
    const holds = await this.lists.openHolds(agentId === undefined ? {} : { agentId }, this.clock.now(), query.limit);
    return {
      count: holds.count,
      held: formatMoney(holds.heldMicros),
      items: holds.items.map((hold) => ({ customerId: hold.customerId, agentId: hold.agentId, callId: hold.callId, held: formatMoney(hold.grantedMicros), expiresAt: hold.expiresAt.toISOString() })),
    };
  }
}

/** admin: the agent asked for (`itc` = ITC-direct customers, null) or none; an agent: itself (another is a 404). */
function scopedAgent(user: Principal, requested: string | undefined): string | null | undefined {
  if (user.role === 'agent') {
    if (requested !== undefined && requested !== user.subjectId) throw notFound('The agent does not exist.');
    return user.subjectId;
  }
  if (requested === 'itc') return null;
  return requested;
}
