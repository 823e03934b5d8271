// The service modules that run in this process (DESIGN §2, standalone: all of them). Each
// service lib exports a Nest module; add it here with what it needs — its controllers then
// sit under /api/v1 behind the gateway's auth, validation, idempotency and problem errors.
import type { GatewayAppOptions, GatewayConfig } from '@billing/gateway';
import type pg from 'pg';

export interface ServiceContext {
  config: GatewayConfig;
  pool: pg.Pool;
}

export function serviceModules(_context: ServiceContext): NonNullable<GatewayAppOptions['imports']> {
  return [
    // AccountsModule.forRoot({ pool: context.pool, transport }),
    // WalletModule.forRoot({ pool: context.pool, transport }),
    // RatingModule.forRoot({ pool: context.pool, transport, maxCallSeconds }),
    // NotificationsModule.forRoot({ pool: context.pool, transport, smtpUrl: context.config.smtpUrl, ... }),
  ];
}
