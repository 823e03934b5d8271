// Starting a card top-up: an agent into its main balance, a customer into its call balance. The
// amount must convert exactly to the currency's minor units; the PaymentIntent's metadata ties it
// to the account; the request is recorded in `payment-{id}` so the webhook can cross-check it.
import { serviceUnavailable, unprocessable, uuidFromName, type IdempotencyContext } from '@billing/gateway';
import { formatMoney } from '@billing/money';
import { WalletQueries } from '@billing/wallet-service';
import { agentMainAccount, customerAccount, rejections } from '@billing/wallet-domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CardHolder, CardPaymentRequested } from '../card-payment/card-payment.js';
import { cardMetadata } from '../card-payment/stripe-event.js';
import { currencyExponent, InexactAmountError, toMinorUnits } from '../currency/minor-units.js';
import { paymentEventId, PaymentsDatabase } from '../infrastructure/payments-database.js';
import { PAYMENTS_OPTIONS, type ResolvedPaymentsOptions } from '../payments.options.js';
import { StripeGateway } from '../stripe/stripe-gateway.js';

export interface StartedCardDeposit {
  paymentIntentId: string;
  clientSecret: string;
  amountMicros: bigint;
  amountMinor: bigint;
  currency: string;
}

@Injectable()
export class CardDeposits {
  constructor(
    private readonly stripe: StripeGateway,
    private readonly db: PaymentsDatabase,
    private readonly wallet: WalletQueries,
    @Inject(PAYMENTS_OPTIONS) private readonly options: ResolvedPaymentsOptions,
  ) {}

  async start(input: { holder: CardHolder; amountMicros: bigint; actor: string; idempotency: IdempotencyContext | undefined }): Promise<StartedCardDeposit> {
    this.stripe.assertEnabled();
    const currency = this.options.currency;
    const amountMinor = this.minorUnits(input.amountMicros, currency);
    await this.assertAccountOpen(input.holder);
    // Stripe deduplicates a retried create by this key, even after the gateway forgot ours (24 h).
    const idempotencyKey = `card-deposit-${input.idempotency === undefined ? randomUUID() : uuidFromName(`${input.idempotency.scopedKey}|card-deposit`)}`;
    const intent = await this.stripe.createPaymentIntent({
      amountMinor,
      currency,
      metadata: cardMetadata(input.holder, input.amountMicros, currency),
      description: `Top-up of ${formatMoney(input.amountMicros)} ${currency} for ${input.holder.kind} ${input.holder.id}`,
      idempotencyKey,
    });
    const requested: CardPaymentRequested = {
      type: 'CardPaymentRequested',
      paymentIntentId: intent.id,
      holder: input.holder,
      amountMicros: input.amountMicros,
      currency,
      amountMinor,
      requestedBy: input.actor,
      requestedAt: this.options.clock().toISOString(),
    };
    await this.db.recordRequest(intent.id, paymentEventId(`requested:${intent.id}`), requested, { actor: input.actor });
    return { paymentIntentId: intent.id, clientSecret: intent.clientSecret, amountMicros: input.amountMicros, amountMinor, currency };
  }

  private minorUnits(amountMicros: bigint, currency: string): bigint {
    if (currencyExponent(currency) === undefined) {
      throw serviceUnavailable('card_payments_disabled', `Card payments do not support the deployment's currency ${currency} (BILLING_CURRENCY).`);
    }
    try {
      return toMinorUnits(amountMicros, currency);
    } catch (error) {
      if (error instanceof InexactAmountError) {
        throw unprocessable('amount_not_convertible', `${formatMoney(amountMicros)} cannot be charged by card: ${error.message}.`);
      }
      throw error;
    }
  }

  /** 404 for an account the wallet does not know, 409 for a closed one: never take money we cannot credit. */
  private async assertAccountOpen(holder: CardHolder): Promise<void> {
    const accountId = holder.kind === 'agent' ? agentMainAccount(holder.id) : customerAccount(holder.id);
    const balance = await this.wallet.balance(accountId);
    if (balance === undefined) throw holder.kind === 'agent' ? rejections.agentAccountNotFound() : rejections.customerAccountNotFound();
    if (balance.status === 'closed') throw holder.kind === 'agent' ? rejections.agentAccountClosed() : rejections.customerAccountClosed();
  }
}
