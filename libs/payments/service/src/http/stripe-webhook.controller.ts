// POST /api/v1/webhooks/stripe: public (Stripe cannot log in), trusted only through the
// Stripe-Signature header, verified over the exact bytes received (the gateway keeps
// `req.rawBody`: createGatewayApp builds the app with `rawBody: true`). A bad or missing
// signature is a 400 and nothing is recorded or credited; every verified event is answered 200
// (after it is recorded) unless handling it failed, so Stripe retries only what failed.
import { ApiProblemResponse, ProblemException, Public } from '@billing/gateway';
import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { StripeWebhooks } from '../application/stripe-webhooks.service.js';
import { MalformedStripeEvent } from '../card-payment/stripe-event.js';
import { StripeGateway } from '../stripe/stripe-gateway.js';
import { StripeWebhookReceipt } from './payments.responses.js';

interface RawBodyRequest {
  rawBody?: Buffer;
}

@ApiTags('payments')
@Controller('webhooks')
export class StripeWebhookController {
  constructor(
    private readonly stripe: StripeGateway,
    private readonly webhooks: StripeWebhooks,
  ) {}

  @Post('stripe')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Stripe webhook endpoint (Stripe-Signature verified on the raw body)' })
  @ApiProblemResponse(400, 'bad or missing signature, or an event that cannot be read', ['invalid_signature', 'invalid_event'])
  @ApiProblemResponse(503, 'card payments are not configured', ['card_payments_disabled'])
  @ApiResponse({ status: 200, standardSchema: StripeWebhookReceipt })
  async receive(@Req() request: RawBodyRequest, @Headers('stripe-signature') signature: string | undefined): Promise<StripeWebhookReceipt> {
    const event = this.stripe.verifyWebhook(request.rawBody, signature);
    const result = await this.webhooks.handle(event).catch((error: unknown) => {
      if (error instanceof MalformedStripeEvent) throw new ProblemException(400, 'invalid_event', `The Stripe event could not be read: ${error.message}.`);
      throw error;
    });
    return {
      received: true,
      eventId: event.id,
      type: event.type,
      outcome: result.outcome,
      paymentIntentId: result.paymentIntentId,
      effects: result.effects.map((effect) => ({ type: effect.type, depositId: effect.depositId })),
    };
  }
}
