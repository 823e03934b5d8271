// The payments service (issue 7, card payments with Stripe) as a Nest module: providers and
// controllers, nothing else. Needs the WalletModule in the same app (it is global and exports
// WalletCommands and WalletQueries).
import { Module, type DynamicModule } from '@nestjs/common';
import { CardDeposits } from './application/card-deposits.service.js';
import { PaymentsQueries } from './application/payments-queries.js';
import { StripeWebhooks } from './application/stripe-webhooks.service.js';
import { CardDepositsController } from './http/card-deposits.controller.js';
import { StripeWebhookController } from './http/stripe-webhook.controller.js';
import { PaymentsDatabase } from './infrastructure/payments-database.js';
import { PAYMENTS_OPTIONS, resolvePaymentsOptions, type PaymentsModuleOptions, type ResolvedPaymentsOptions } from './payments.options.js';
import { StripeGateway } from './stripe/stripe-gateway.js';

@Module({})
export class PaymentsModule {
  static forRoot(options: PaymentsModuleOptions): DynamicModule {
    return {
      module: PaymentsModule,
      controllers: [CardDepositsController, StripeWebhookController],
      providers: [
        { provide: PAYMENTS_OPTIONS, useValue: resolvePaymentsOptions(options) },
        { provide: PaymentsDatabase, inject: [PAYMENTS_OPTIONS], useFactory: (resolved: ResolvedPaymentsOptions) => PaymentsDatabase.open(resolved.pool, resolved.schema) },
        StripeGateway,
        CardDeposits,
        StripeWebhooks,
        PaymentsQueries,
      ],
      exports: [CardDeposits, StripeWebhooks, PaymentsQueries, PaymentsDatabase],
    };
  }
}
