// /api/v1/payments/card-deposits: an agent or a customer starts a card top-up of its own account
// and gets the PaymentIntent's client secret for Stripe.js; the webhook credits it later.
import {
  ApiProblemResponse,
  assertVisible,
  CurrentUser,
  Idempotent,
  IdempotencyKey,
  notFound,
  Roles,
  ValidBody,
  ValidParam,
  type IdempotencyContext,
  type Principal,
} from '@billing/gateway';
import { formatMoney, parseMoney } from '@billing/money';
import { Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CardDeposits } from '../application/card-deposits.service.js';
import { PaymentsQueries } from '../application/payments-queries.js';
import { CardDepositStarted, CardPaymentView } from './payments.responses.js';
import { CardDepositBody, PaymentIntentId } from './payments.schemas.js';

@ApiTags('payments')
@Controller('payments/card-deposits')
export class CardDepositsController {
  constructor(
    private readonly deposits: CardDeposits,
    private readonly queries: PaymentsQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a card deposit to the caller\'s own balance (Stripe PaymentIntent): the balance rises when the payment succeeds' })
  @Roles('agent', 'customer')
  @Idempotent()
  @ApiProblemResponse(422, 'the amount is not a whole number of the currency minor unit (amount_not_convertible), or the provider refused it (payment_provider_refused)')
  @ApiProblemResponse(404, 'the wallet has no account for this customer (yet)', ['account_not_found'])
  @ApiProblemResponse(409, 'the account is closed', ['account_closed'])
  @ApiProblemResponse(503, 'card payments are not configured (card_payments_disabled)')
  @ApiProblemResponse(502, 'the payment provider failed (payment_provider_error); retry with the same Idempotency-Key')
  @ApiResponse({ status: 201, standardSchema: CardDepositStarted })
  async create(@ValidBody(CardDepositBody) body: CardDepositBody, @CurrentUser() user: Principal, @IdempotencyKey() idem: IdempotencyContext | undefined): Promise<CardDepositStarted> {
    const kind = user.role === 'agent' ? 'agent' : 'customer';
    const started = await this.deposits.start({ holder: { kind, id: user.subjectId }, amountMicros: parseMoney(body.amount), actor: `${user.role}:${user.subjectId}`, idempotency: idem });
    return { paymentIntentId: started.paymentIntentId, clientSecret: started.clientSecret, amount: formatMoney(started.amountMicros), currency: started.currency };
  }

  /** Where a card payment stands, with its audit trail (admin: any; agent/customer: their own). */
  @Get(':paymentIntentId')
  @ApiOperation({ summary: 'A card deposit and its state (pending, succeeded, failed, refunded, disputed)' })
  @Roles('admin', 'agent', 'customer')
  @ApiProblemResponse(404, 'no such card deposit, or not yours', ['not_found'])
  @ApiResponse({ status: 200, standardSchema: CardPaymentView })
  async show(@ValidParam('paymentIntentId', PaymentIntentId) paymentIntentId: string, @CurrentUser() user: Principal): Promise<CardPaymentView> {
    const payment = await this.queries.payment(paymentIntentId);
    if (payment === undefined) throw notFound('The card payment does not exist.');
    assertVisible(user, payment, (p) => ({ agentId: p.agentId ?? undefined, customerId: p.holder.kind === 'customer' ? p.holder.id : undefined }), 'card payment');
    return payment.view;
  }
}

