// /api/v1/agents/{id}/…: ITC's deposits to agents, the agent's overview, ledger and commission
// lines, and commission transfers (DESIGN §7).
import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse, CurrentUser, Idempotent, IdempotencyKey, Roles, ValidBody, ValidOptionalBody, ValidParam, ValidQuery, notFound, type IdempotencyContext, type Principal } from '@billing/gateway';
import { parseMoney } from '@billing/money';
import { agentMainAccount, commissionAccount } from '@billing/wallet-domain';
import { Clock } from '../application/clock.js';
import { WalletCommands } from '../application/wallet-commands.service.js';
import { decodeCursor } from '../queries/pagination.js';
import { WalletQueries } from '../queries/wallet-queries.js';
import { actorOf, assertAgentVisible, commandId } from './access.js';
import { AgentDepositBody, CommissionTransferBody, Id, PageQuery, ReversalBody } from './wallet.schemas.js';
import { commissionsView, commissionTransferView, depositView, overviewView, reversalView, transactionsView } from './wallet.views.js';

@ApiTags('wallet')
@Controller('agents')
export class AgentWalletController {
  constructor(
    private readonly commands: WalletCommands,
    private readonly queries: WalletQueries,
    private readonly clock: Clock,
  ) {}

  @Post(':id/deposits')
  @Roles('admin')
  @Idempotent()
  @ApiProblemResponse(404, 'agent account not found')
  async deposit(@ValidParam('id', Id) agentId: string, @ValidBody(AgentDepositBody) body: AgentDepositBody, @CurrentUser() user: Principal, @IdempotencyKey() idem: IdempotencyContext | undefined) {
    const result = await this.commands.depositToAgent(
      { depositId: commandId(idem, `agent-deposit:${agentId}`), agentId, amountMicros: parseMoney(body.amount), source: { kind: 'manual', reference: body.reference } },
      actorOf(user),
    );
    return depositView(result);
  }

  @Post(':id/deposits/:depositId/reversals')
  @Roles('admin')
  @Idempotent()
  @ApiProblemResponse(404, 'deposit not found')
  async reverse(@ValidParam('id', Id) agentId: string, @ValidParam('depositId', Id) depositId: string, @ValidBody(ReversalBody) body: ReversalBody, @CurrentUser() user: Principal) {
    return reversalView(await this.commands.reverseDeposit({ depositId, target: { kind: 'agent', agentId }, reason: body.reason }, actorOf(user)));
  }

  @Get(':id/overview')
  @Roles('admin', 'agent')
  async overview(@ValidParam('id', Id) agentId: string, @CurrentUser() user: Principal) {
    assertAgentVisible(user, agentId);
    const overview = await this.queries.agentOverview(agentId, this.clock.now().toISOString().slice(0, 10));
    if (overview === undefined) throw notFound('The agent does not exist.');
    return overviewView(agentId, overview);
  }

  @Get(':id/transactions')
  @Roles('admin', 'agent')
  async transactions(@ValidParam('id', Id) agentId: string, @ValidQuery(PageQuery) query: PageQuery, @CurrentUser() user: Principal) {
    assertAgentVisible(user, agentId);
    return transactionsView(await this.lines(agentMainAccount(agentId), query));
  }

  @Get(':id/commissions')
  @Roles('admin', 'agent')
  async commissions(@ValidParam('id', Id) agentId: string, @ValidQuery(PageQuery) query: PageQuery, @CurrentUser() user: Principal) {
    assertAgentVisible(user, agentId);
    return commissionsView(await this.lines(commissionAccount(agentId), query));
  }

  @Post(':id/commission-transfers')
  @Roles('admin', 'agent')
  @Idempotent()
  @ApiProblemResponse(409, 'no commission available · insufficient commission balance')
  async transferCommission(
    @ValidParam('id', Id) agentId: string,
    @ValidOptionalBody(CommissionTransferBody) body: CommissionTransferBody,
    @CurrentUser() user: Principal,
    @IdempotencyKey() idem: IdempotencyContext | undefined,
  ) {
    assertAgentVisible(user, agentId);
    const result = await this.commands.transferCommission(
      { commissionTransferId: commandId(idem, `commission-transfer:${agentId}`), agentId, amountMicros: body.amount === undefined ? null : parseMoney(body.amount) },
      actorOf(user),
    );
    return commissionTransferView(result);
  }

  private async lines(accountId: string, query: PageQuery) {
    if ((await this.queries.balance(accountId)) === undefined) throw notFound('The agent does not exist.');
    return this.queries.ledgerLines(accountId, { limit: query.limit, cursor: query.cursor === undefined ? undefined : decodeCursor(query.cursor) });
  }
}
