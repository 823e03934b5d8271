// /api/v1/agents/{id}/…: ITC's deposits to agents, the agent's overview, ledger and commission
// lines, and commission transfers (docs/API.md).
import { Controller, Get, Headers, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCsvResponse, ApiProblemResponse, CurrentUser, Idempotent, IdempotencyKey, Roles, ValidBody, ValidOptionalBody, ValidParam, ValidQuery, notFound, type IdempotencyContext, type Principal } from '@billing/gateway';
import { parseMoney } from '@billing/money';
import { agentMainAccount, commissionAccount } from '@billing/wallet-domain';
import { RejectedCommand } from '@billing/decider';
import { WalletAgentFunds } from '../application/agent-funds.service.js';
import { Clock } from '../application/clock.js';
import { AccountsCatchUp } from '../consumers/accounts-catch-up.js';
import { WalletCommands } from '../application/wallet-commands.service.js';
import { decodeCursor } from '../queries/pagination.js';
import { WalletQueries } from '../queries/wallet-queries.js';
import { actorOf, assertAgentVisible, commandId } from './access.js';
import { COMMISSIONS_CSV_DOC, commissionsCsv, TRANSACTIONS_CSV_DOC, transactionsCsv, wantsCsv } from './ledger-csv.js';
import { AgentDepositBody, CommissionTransferBody, Id, LinesQuery, PageQuery, ReversalBody } from './wallet.schemas.js';
import { commissionsView, commissionTransferView, depositView, overviewView, reversalView, transactionsView } from './wallet.views.js';
import { CommissionsView, CommissionTransferView, DepositView, OverviewView, ReversalView, TransactionsView } from './wallet.responses.js';

@ApiTags('wallet')
@Controller('agents')
export class AgentWalletController {
  constructor(
    private readonly commands: WalletCommands,
    private readonly queries: WalletQueries,
    private readonly clock: Clock,
    private readonly catchUp: AccountsCatchUp,
    private readonly funds: WalletAgentFunds,
  ) {}

  /**
   * An agent accounts has registered but the wallet has not consumed yet is not a 404: its
   * registration is applied at once (AccountsCatchUp) and `work` runs again.
   */
  private async knownAgent<T>(agentId: string, work: () => Promise<T | undefined>): Promise<T | undefined> {
    let result: T | undefined;
    try {
      result = await work();
    } catch (error) {
      if (!(error instanceof RejectedCommand && error.status === 404 && error.code === 'account_not_found')) throw error;
      if (!(await this.catchUp.agent(agentId))) throw error;
      return work();
    }
    if (result === undefined && (await this.catchUp.agent(agentId))) return work();
    return result;
  }

  @Post(':id/deposits')
  @ApiOperation({ summary: "ITC records money an agent paid (bank transfer): credits the agent's main balance" })
  @Roles('admin')
  @Idempotent()
  @ApiProblemResponse(404, 'no such agent', ['account_not_found'])
  @ApiProblemResponse(409, 'the agent account is closed', ['account_closed', 'id_reused'])
  @ApiResponse({ status: 201, standardSchema: DepositView })
  async deposit(@ValidParam('id', Id) agentId: string, @ValidBody(AgentDepositBody) body: AgentDepositBody, @CurrentUser() user: Principal, @IdempotencyKey() idem: IdempotencyContext | undefined) {
    const input = { depositId: commandId(idem, `agent-deposit:${agentId}`), agentId, amountMicros: parseMoney(body.amount), source: { kind: 'manual' as const, reference: body.reference } };
    const result = await this.knownAgent(agentId, () => this.commands.depositToAgent(input, actorOf(user)));
    return depositView(result!);
  }

  @Post(':id/deposits/:depositId/reversals')
  @ApiOperation({ summary: "Reverse an agent's deposit (a bounced payment): takes the amount back, even below zero" })
  @Roles('admin')
  @Idempotent()
  @ApiProblemResponse(404, 'no such deposit of this agent', ['deposit_not_found', 'account_not_found'])
  @ApiResponse({ status: 201, standardSchema: ReversalView })
  async reverse(@ValidParam('id', Id) agentId: string, @ValidParam('depositId', Id) depositId: string, @ValidBody(ReversalBody) body: ReversalBody, @CurrentUser() user: Principal) {
    return reversalView(await this.commands.reverseDeposit({ depositId, target: { kind: 'agent', agentId }, reason: body.reason }, actorOf(user)));
  }

  @Get(':id/overview')
  @ApiOperation({ summary: "An agent's balances (main, reserved, available, commission), debt, customers and today's totals" })
  @Roles('admin', 'agent')
  @ApiProblemResponse(404, 'no such agent, or not yours', ['not_found'])
  @ApiResponse({ status: 200, standardSchema: OverviewView })
  async overview(@ValidParam('id', Id) agentId: string, @CurrentUser() user: Principal) {
    assertAgentVisible(user, agentId);
    const overview = await this.knownAgent(agentId, () => this.queries.agentOverview(agentId, this.clock.now().toISOString().slice(0, 10)));
    // the main money from the ledger itself: reservations of openings move no money, so only the
    // ledger has them, and it is what the agent's next transfer or opening is decided on
    const money = overview === undefined ? undefined : await this.funds.agentMoney(agentId);
    if (overview === undefined || money === undefined) throw notFound('The agent does not exist.');
    return overviewView(agentId, overview, money);
  }

  @Get(':id/transactions')
  @ApiOperation({ summary: "The agent's main-balance ledger lines, newest first (cursor pagination); ?format=csv: all of them as CSV" })
  @Roles('admin', 'agent')
  @ApiCsvResponse(TRANSACTIONS_CSV_DOC)
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  @ApiProblemResponse(404, 'not your agent id', ['not_found'])
  @ApiResponse({ status: 200, standardSchema: TransactionsView })
  async transactions(@ValidParam('id', Id) agentId: string, @ValidQuery(LinesQuery) query: LinesQuery, @CurrentUser() user: Principal, @Headers('accept') accept: string | undefined) {
    assertAgentVisible(user, agentId);
    await this.assertAgentExists(agentId, agentMainAccount(agentId));
    // CSV: every line, limit and cursor ignored (a cursor is not even decoded)
    if (wantsCsv(query.format, accept)) return transactionsCsv(this.queries, agentMainAccount(agentId), `transactions-${agentId}`);
    return transactionsView(await this.page(agentMainAccount(agentId), query));
  }

  @Get(':id/commissions')
  @ApiOperation({ summary: "The agent's commission ledger lines (accrued, reversed, moved), newest first; ?format=csv: all of them as CSV" })
  @Roles('admin', 'agent')
  @ApiCsvResponse(COMMISSIONS_CSV_DOC)
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  @ApiProblemResponse(404, 'not your agent id', ['not_found'])
  @ApiResponse({ status: 200, standardSchema: CommissionsView })
  async commissions(@ValidParam('id', Id) agentId: string, @ValidQuery(LinesQuery) query: LinesQuery, @CurrentUser() user: Principal, @Headers('accept') accept: string | undefined) {
    assertAgentVisible(user, agentId);
    await this.assertAgentExists(agentId, commissionAccount(agentId));
    if (wantsCsv(query.format, accept)) return commissionsCsv(this.queries, commissionAccount(agentId), `commissions-${agentId}`);
    return commissionsView(await this.page(commissionAccount(agentId), query));
  }

  @Post(':id/commission-transfers')
  @Roles('admin', 'agent')
  @Idempotent()
  @ApiOperation({ summary: 'Move commission to the main balance: `amount`, or all of it if absent' })
  @ApiProblemResponse(404, 'no such agent, or not yours', ['not_found', 'account_not_found'])
  @ApiProblemResponse(409, 'no commission available · insufficient commission balance (`available` says how much there is)', ['no_commission', 'insufficient_commission', 'account_closed', 'id_reused'])
  @ApiResponse({ status: 201, standardSchema: CommissionTransferView })
  async transferCommission(
    @ValidParam('id', Id) agentId: string,
    @ValidOptionalBody(CommissionTransferBody) body: CommissionTransferBody,
    @CurrentUser() user: Principal,
    @IdempotencyKey() idem: IdempotencyContext | undefined,
  ) {
    assertAgentVisible(user, agentId);
    const input = { commissionTransferId: commandId(idem, `commission-transfer:${agentId}`), agentId, amountMicros: body.amount === undefined ? null : parseMoney(body.amount) };
    const result = await this.knownAgent(agentId, () => this.commands.transferCommission(input, actorOf(user)));
    return commissionTransferView(result!);
  }

  /** An agent's ledger-line list: the agent must exist (a CSV of an unknown agent is a 404 too, not an empty file). */
  private async assertAgentExists(agentId: string, accountId: string): Promise<void> {
    if ((await this.knownAgent(agentId, () => this.queries.balance(accountId))) === undefined) throw notFound('The agent does not exist.');
  }

  private page(accountId: string, query: PageQuery) {
    return this.queries.ledgerLines(accountId, { limit: query.limit, cursor: query.cursor === undefined ? undefined : decodeCursor(query.cursor) });
  }
}
