// Injection tokens the gateway module provides (globally) to every module of the app.
import type { HandledEvents } from '@billing/messaging';
import type pg from 'pg';
import type { GatewayConfig } from './config/gateway-config.js';
import type { LoginThrottleOptions } from './auth/login-throttle.js';
import type { ScryptParams } from './auth/password-hasher.js';
import type { TransportHealth } from './health/health.service.js';

/** The validated GatewayConfig (read once at start). */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
/** The application's pg.Pool (owned and closed by the entry point, not by Nest). */
export const PG_POOL = Symbol('PG_POOL');
/** Resolved GatewayModuleOptions. */
export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');

export interface IdempotencyOptions {
  /** how long a request waits for a concurrent one with the same key before a 409 (default 10 s). */
  waitTimeoutMs?: number;
  /** an executing request renews its claim every lease/3; a claim not renewed for a lease (the
   *  process died) may be taken over by a retry (default 30 s). */
  leaseMs?: number;
  /** keys are kept at least this long, then deleted (default 24 h). */
  retentionMs?: number;
  /** how often expired keys are deleted (default 1 h; 0 = never, e.g. in tests). */
  cleanupIntervalMs?: number;
}

export interface GatewayModuleOptions {
  config: GatewayConfig;
  pool: pg.Pool;
  /** PostgreSQL schema of the gateway's tables (default `gateway`; tests use a unique one). */
  schema?: string;
  /** lifetime of access tokens (default 8 h). */
  accessTokenTtlSeconds?: number;
  /** brute-force brake of password checks (default: DEFAULT_LOGIN_THROTTLE). */
  loginThrottle?: LoginThrottleOptions;
  idempotency?: IdempotencyOptions;
  /** password hashing cost (default: DEFAULT_SCRYPT_PARAMS). */
  scryptParams?: ScryptParams;
  /** what /health reports as the transport; default: the mode from KAFKA_BROKERS, not probed. */
  transport?: TransportHealth;
  /** read-your-writes of event-fed read models: shared with the distributed gateway's proxy (default: one per app). */
  handledEvents?: HandledEvents;
}

export interface ResolvedGatewayOptions {
  config: GatewayConfig;
  schema: string;
  accessTokenTtlSeconds: number;
  loginThrottle: LoginThrottleOptions;
  idempotency: Required<IdempotencyOptions>;
  scryptParams: ScryptParams;
  transport: TransportHealth | undefined;
  handledEvents: HandledEvents;
}
