// The gateway: auth, RBAC, validation, problem errors, idempotency, health. Global, so that the
// service modules' controllers get the guard, pipe, filter and interceptor and can inject
// CredentialsService, HealthService, GATEWAY_CONFIG and PG_POOL.
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { HandledEvents } from '@billing/messaging';
import type pg from 'pg';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { CredentialsService } from './auth/credentials.service.js';
import { GatewaySecrets } from './auth/gateway-secrets.js';
import { StreamTickets } from './auth/stream-tickets.js';
import { Sessions } from './auth/sessions.js';
import { DEFAULT_SCRYPT_PARAMS } from './auth/password-hasher.js';
import { assertSchemaName, DEFAULT_GATEWAY_SCHEMA, migrateGatewaySchema } from './database/gateway-schema.js';
import { GATEWAY_CONFIG, GATEWAY_OPTIONS, PG_POOL, type GatewayModuleOptions, type ResolvedGatewayOptions } from './gateway.tokens.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { CommittedEventsInterceptor } from './read-your-writes/committed-events.interceptor.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency/idempotency.store.js';
import { ProblemFilter } from './problem/problem.filter.js';
import { ZodValidationPipe } from './validation/zod-validation.pipe.js';

export function resolveGatewayOptions(options: GatewayModuleOptions): ResolvedGatewayOptions {
  return {
    config: options.config,
    schema: assertSchemaName(options.schema ?? DEFAULT_GATEWAY_SCHEMA),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 8 * 3600,
    loginThrottle: options.loginThrottle ?? {},
    idempotency: {
      waitTimeoutMs: options.idempotency?.waitTimeoutMs ?? 10_000,
      leaseMs: options.idempotency?.leaseMs ?? 30_000,
      retentionMs: options.idempotency?.retentionMs ?? 24 * 3600_000,
      cleanupIntervalMs: options.idempotency?.cleanupIntervalMs ?? 3600_000,
    },
    scryptParams: options.scryptParams ?? DEFAULT_SCRYPT_PARAMS,
    transport: options.transport,
    handledEvents: options.handledEvents ?? new HandledEvents(),
  };
}

@Global()
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayModuleOptions): DynamicModule {
    const resolved = resolveGatewayOptions(options);
    return {
      module: GatewayModule,
      controllers: [AuthController, HealthController],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: resolved },
        { provide: GATEWAY_CONFIG, useValue: options.config },
        { provide: PG_POOL, useValue: options.pool },
        CredentialsService,
        {
          // Creates the gateway tables, then the secrets and the admin login, before anything serves.
          provide: GatewaySecrets,
          inject: [PG_POOL, CredentialsService],
          useFactory: async (pool: pg.Pool, credentials: CredentialsService) => {
            await migrateGatewaySchema(pool, resolved.schema);
            return GatewaySecrets.load(pool, resolved.schema, resolved.config, credentials);
          },
        },
        AuthService,
        Sessions,
        StreamTickets,
        IdempotencyStore,
        HealthService,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: HandledEvents, useValue: resolved.handledEvents },
        // outermost: the answer waits for the read models after idempotency stored it
        { provide: APP_INTERCEPTOR, useClass: CommittedEventsInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [HandledEvents, GATEWAY_OPTIONS, GATEWAY_CONFIG, PG_POOL, CredentialsService, AuthService, StreamTickets, HealthService, GatewaySecrets],
    };
  }
}
