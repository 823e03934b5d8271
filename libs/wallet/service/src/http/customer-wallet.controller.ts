// /api/v1/customers/{id}/…: money into a customer (an agent's transfer from its main balance, or
// ITC's manual deposit), its balance and its ledger lines (docs/API.md).
import { Controller, Get, Headers, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCsvResponse, ApiProblemResponse, CurrentUser, Idempotent, IdempotencyKey, Roles, ValidBody, ValidParam, ValidQuery, notFound, validationProblem, type IdempotencyContext, type Principal } from '@billing/gateway';
import { parseMoney } from '@billing/money';
import { customerAccount } from '@billing/wallet-domain';
import { WalletCommands } from '../application/wallet-commands.service.js';
import { AccountsCatchUp } from '../consumers/accounts-catch-up.js';
import { Directory, type CustomerOwner } from '../infrastructure/directory.js';
import { decodeCursor } from '../queries/pagination.js';
import { WalletQueries } from '../queries/wallet-queries.js';
import { actorOf, assertCustomerVisible, commandId, visibleCustomer } from './access.js';
import { TRANSACTIONS_CSV_DOC, transactionsCsv, wantsCsv } from './ledger-csv.js';
import { CustomerDepositBody, Id, LinesQuery, ReversalBody } from './wallet.schemas.js';
import { balanceView, depositView, reversalView, transactionsView, transferView } from './wallet.views.js';
import { CustomerBalanceView, CustomerDepositView, ReversalView, TransactionsView } from './wallet.responses.js';

@ApiTags('wallet')
@Controller('customers')
export class CustomerWalletController {
  constructor(
    private readonly commands: WalletCommands,
    private readonly queries: WalletQueries,
    private readonly directory: Directory,
    private readonly catchUp: AccountsCatchUp,
  ) {}

  @Post(':id/deposits')
  @ApiOperation({ summary: "Fund a customer: an agent transfers from its main balance (earning commission); ITC records a manual deposit (reference required)" })
  @Roles('admin', 'agent')
  @Idempotent()
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found', 'account_not_found', 'customer_not_of_agent'])
  @ApiProblemResponse(409, 'insufficient agent balance (an agent transfer would overdraw its main balance; `available` says how much it may move), an agent in debt, a closed account', ['insufficient_funds', 'in_debt', 'account_closed', 'id_reused'])
  @ApiResponse({ status: 201, standardSchema: CustomerDepositView })
  async deposit(@ValidParam('id', Id) customerId: string, @ValidBody(CustomerDepositBody) body: CustomerDepositBody, @CurrentUser() user: Principal, @IdempotencyKey() idem: IdempotencyContext | undefined) {
    const amountMicros = parseMoney(body.amount);
    if (user.role === 'agent') {
      const transferId = commandId(idem, `transfer:${customerId}`);
      // the visibility check runs on the owner the transfer reads anyway (one round trip less)
      const authorize = (owner: CustomerOwner | undefined) => void assertCustomerVisible(user, owner);
      const reference = body.reference === undefined ? {} : { reference: body.reference };
      return transferView(await this.commands.transferToCustomer({ transferId, agentId: user.subjectId, customerId, amountMicros, ...reference }, actorOf(user), authorize));
    }
    await visibleCustomer(user, this.directory, customerId);
    if (body.reference === undefined) {
      throw validationProblem('request body', [{ path: '/reference', message: 'is required for a manual deposit' }]);
    }
    const depositId = commandId(idem, `customer-deposit:${customerId}`);
    return { kind: 'deposit' as const, ...depositView(await this.commands.depositToCustomer({ depositId, customerId, amountMicros, source: { kind: 'manual', reference: body.reference } }, actorOf(user))) };
  }

  @Post(':id/deposits/:depositId/reversals')
  @ApiOperation({ summary: "Reverse a customer's deposit (a bounced payment): takes the amount back, even below zero" })
  @Roles('admin')
  @Idempotent()
  @ApiProblemResponse(404, 'no such deposit of this customer', ['deposit_not_found', 'account_not_found'])
  @ApiResponse({ status: 201, standardSchema: ReversalView })
  async reverse(@ValidParam('id', Id) customerId: string, @ValidParam('depositId', Id) depositId: string, @ValidBody(ReversalBody) body: ReversalBody, @CurrentUser() user: Principal) {
    return reversalView(await this.commands.reverseDeposit({ depositId, target: { kind: 'customer', customerId }, reason: body.reason }, actorOf(user)));
  }

  @Get(':id/balance')
  @ApiOperation({ summary: "A customer's balance, held and available amounts, credit limit and debt" })
  @Roles('admin', 'agent', 'customer')
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found'])
  @ApiResponse({ status: 200, standardSchema: CustomerBalanceView })
  async balance(@ValidParam('id', Id) customerId: string, @CurrentUser() user: Principal) {
    await visibleCustomer(user, this.directory, customerId);
    let balance = await this.queries.balance(customerAccount(customerId));
    // known to the directory but not to the views yet (the consumer has just applied its opening): catch up
    if (balance === undefined && (await this.catchUp.customer(customerId))) balance = await this.queries.balance(customerAccount(customerId));
    if (balance === undefined) throw notFound('The customer does not exist.');
    return { customerId, ...balanceView(balance) };
  }

  @Get(':id/transactions')
  @ApiOperation({ summary: "The customer's ledger lines (deposits, transfers, calls), newest first (cursor pagination); ?format=csv: all of them as CSV" })
  @Roles('admin', 'agent', 'customer')
  @ApiCsvResponse(TRANSACTIONS_CSV_DOC)
  @ApiProblemResponse(400, 'a cursor this API did not return', ['invalid_cursor'])
  @ApiProblemResponse(404, 'no such customer, or not yours', ['not_found'])
  @ApiResponse({ status: 200, standardSchema: TransactionsView })
  async transactions(@ValidParam('id', Id) customerId: string, @ValidQuery(LinesQuery) query: LinesQuery, @CurrentUser() user: Principal, @Headers('accept') accept: string | undefined) {
    await visibleCustomer(user, this.directory, customerId);
    if (wantsCsv(query.format, accept)) return transactionsCsv(this.queries, customerAccount(customerId), `transactions-${customerId}`);
    const page = await this.queries.ledgerLines(customerAccount(customerId), { limit: query.limit, cursor: query.cursor === undefined ? undefined : decodeCursor(query.cursor) });
    return transactionsView(page);
  }
}
