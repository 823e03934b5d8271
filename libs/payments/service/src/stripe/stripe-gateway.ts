// The only place that talks to Stripe, through the real `stripe` library: creating PaymentIntents
// and verifying webhook signatures. Without keys it exists but refuses every use with a 503 that
// says how to switch card payments on.
import { ProblemException, serviceUnavailable } from '@billing/gateway';
import { Inject, Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { PAYMENTS_OPTIONS, type ResolvedPaymentsOptions, type StripeSettings } from '../payments.options.js';

export const CARD_PAYMENTS_DISABLED =
  'Card payments are not configured on this deployment: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (see STRIPE_API_BASE for a test server).';

export interface NewPaymentIntent {
  amountMinor: bigint;
  /** upper case ISO 4217 (sent to Stripe in lower case). */
  currency: string;
  metadata: Record<string, string>;
  description: string;
  idempotencyKey: string;
}

export interface CreatedPaymentIntent {
  id: string;
  clientSecret: string;
}

@Injectable()
export class StripeGateway {
  private readonly logger = new Logger('Stripe');
  private readonly stripe: Stripe | undefined;
  private readonly settings: StripeSettings | undefined;

  constructor(@Inject(PAYMENTS_OPTIONS) private readonly options: ResolvedPaymentsOptions) {
    this.settings = options.stripe;
    this.stripe = options.stripe === undefined ? undefined : createStripeClient(options.stripe, options);
  }

  get enabled(): boolean {
    return this.stripe !== undefined;
  }

  /** 503 problem unless STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set. */
  assertEnabled(): void {
    if (this.stripe === undefined) throw serviceUnavailable('card_payments_disabled', CARD_PAYMENTS_DISABLED);
  }

  async createPaymentIntent(intent: NewPaymentIntent): Promise<CreatedPaymentIntent> {
    const stripe = this.client();
    // Stripe's API takes integers; every amount we accept (≤ 10^9 units, ≤ 3 decimals) is far below 2^53.
    if (intent.amountMinor > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('amount too large for Stripe');
    let created: Stripe.PaymentIntent;
    try {
      created = await stripe.paymentIntents.create(
        {
          amount: Number(intent.amountMinor),
          currency: intent.currency.toLowerCase(),
          metadata: intent.metadata,
          description: intent.description,
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: intent.idempotencyKey },
      );
    } catch (error) {
      throw this.providerProblem(error);
    }
    if (created.amount !== Number(intent.amountMinor) || created.currency.toUpperCase() !== intent.currency || typeof created.client_secret !== 'string') {
      this.logger.error(`Stripe answered PaymentIntent ${created.id} that differs from the request (${created.amount} ${created.currency})`);
      throw new ProblemException(502, 'payment_provider_error', 'The payment provider answered with a different payment than requested.');
    }
    return { id: created.id, clientSecret: created.client_secret };
  }

  /**
   * Verifies the Stripe-Signature header over the exact bytes received and parses the event;
   * a bad, stale or missing signature is a 400 problem.
   */
  verifyWebhook(rawBody: Buffer | undefined, signature: string | undefined): Stripe.Event {
    const stripe = this.client();
    if (signature === undefined || signature === '') throw new ProblemException(400, 'invalid_signature', 'The Stripe-Signature header is missing.');
    if (rawBody === undefined || rawBody.length === 0) throw new ProblemException(400, 'invalid_signature', 'The webhook has no body to verify.');
    try {
      return stripe.webhooks.constructEvent(rawBody, signature, this.settings!.webhookSecret, this.options.webhookToleranceSeconds);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw new ProblemException(400, 'invalid_signature', 'The Stripe signature does not match the body (or is too old).');
      }
      // a signed body that is not JSON: nothing to act on
      throw new ProblemException(400, 'invalid_signature', 'The webhook body could not be verified and parsed.');
    }
  }

  private client(): Stripe {
    this.assertEnabled();
    return this.stripe!;
  }

  private providerProblem(error: unknown): ProblemException {
    if (error instanceof Stripe.errors.StripeIdempotencyError) {
      // the gateway forgot the Idempotency-Key (24 h) but Stripe still has it, with another request
      return new ProblemException(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for another card payment.');
    }
    if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
      return new ProblemException(422, 'payment_provider_refused', `The payment provider refused the payment: ${error.message}`);
    }
    if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
      this.logger.error(`Stripe refused our credentials: ${error.message}`);
      return new ProblemException(503, 'card_payments_misconfigured', 'Card payments are misconfigured on this deployment (the payment provider refused its key).');
    }
    this.logger.warn(`Stripe call failed: ${error instanceof Error ? error.message : String(error)}`);
    return new ProblemException(502, 'payment_provider_error', 'The payment provider could not be reached or failed; retry with the same Idempotency-Key.', {
      ...(error === undefined ? {} : { cause: error }),
    });
  }
}

/** The real client, pointed at STRIPE_API_BASE (host, port, protocol). */
export function createStripeClient(settings: StripeSettings, options: { stripeMaxNetworkRetries: number; stripeTimeoutMs: number }): Stripe {
  const url = new URL(settings.apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(settings.secretKey, {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (protocol === 'https' ? 443 : 80) : Number(url.port),
    protocol,
    maxNetworkRetries: options.stripeMaxNetworkRetries,
    timeout: options.stripeTimeoutMs,
    telemetry: false,
    appInfo: { name: 'itc-billing' },
  });
}
