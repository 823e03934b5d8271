// The modules whose routes the distributed gateway's /api/docs describes: every service's, as the
// service processes mount them. Read in preview for their routes and schemas — never started in
// the gateway (it forwards those paths to the services).
import { AccountsModule } from '@billing/accounts-service';
import type { ServiceProcessContext } from '@billing/gateway';
import { NotificationsModule, notificationsOptionsFrom } from '@billing/notifications-service';
import { PaymentsModule } from '@billing/payments-service';
import { RatingModule } from '@billing/rating-service';
import { ReportsModule } from '@billing/reports-service';
import { WalletCalls, WalletModule } from '@billing/wallet-service';

export function documentedModules(context: ServiceProcessContext) {
  return [
    AccountsModule.forRoot({ pool: context.pool, bus: context.bus, sipRealm: context.config.sipRealm }),
    WalletModule.forRoot({ pool: context.pool, bus: context.bus }),
    PaymentsModule.forRoot({ pool: context.pool, config: context.config }),
    RatingModule.forRoot({ pool: context.pool, bus: context.bus, wallet: WalletCalls }),
    NotificationsModule.forRoot(notificationsOptionsFrom(context)),
    ReportsModule.forRoot({ pool: context.pool, bus: context.bus }),
  ];
}
