// The deployment's configuration (docs/API.md): read from the environment once at start, validated,
// the same variable names in every mode. Generated secrets (admin password, switch key, JWT
// secret) are not invented here: GatewaySecrets creates and persists them on first start.
import path from 'node:path';
import { z } from 'zod';
import { TrustedProxies } from '../auth/client-address.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_SWITCH_API_KEY_LENGTH = 24;
export const MIN_JWT_SECRET_LENGTH = 32;
export const MIN_INTERNAL_SERVICE_KEY_LENGTH = 32;

export type TransportMode = 'in-process' | 'kafka';

export interface GatewayConfig {
  port: number;
  /** absolute; standalone keeps the embedded PostgreSQL in `${dataDir}/postgres`. */
  dataDir: string;
  /** unset: standalone starts an embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** unset: the in-process transport (standalone). */
  kafkaBrokers: readonly string[] | undefined;
  transportMode: TransportMode;
  adminUsername: string;
  /** unset: generated on first start, printed once, stored hashed. */
  adminPassword: string | undefined;
  /** unset: generated on first start, printed once, stored hashed. */
  switchApiKey: string | undefined;
  /**
   * The credential of the internal service routes (/api/v1/internal/*), which only the product's
   * own processes call (distributed mode: required in every process). Unset (standalone, whose
   * modules call each other in process): no credential opens those routes.
   */
  internalServiceKey: string | undefined;
  /** ISO 4217 alphabetic code, upper case. */
  billingCurrency: string;
  /** unset: mail disabled (recorded as skipped). */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** both set or both unset; unset: card endpoints answer 503. */
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
  stripeApiBase: string;
  /** Stripe.js's publishable key (pk_…) the portal loads the Payment Element with; unset: the portal hides card top-up. */
  stripePublishableKey: string | undefined;
  portalUrl: string;
  /** unset: generated once per database and stored in it, so tokens survive restarts. */
  jwtSecret: string | undefined;
  /**
   * The SIP digest realm (lower case; default `localhost`): customers' HA1s are md5(user:realm:password)
   * and the softswitch directory answers only this domain. Set it before opening customers.
   */
  sipRealm: string;
  /**
   * The reverse proxies in front of the gateway (IP addresses or CIDR blocks; default none): from
   * them the login throttle takes the client from X-Forwarded-For instead of the TCP peer.
   */
  trustedProxies: readonly string[];
  /** PORTAL_DIR, absolute; unset: the build output's `portal` folder (portal-dir.ts). */
  portalDir: string | undefined;
}

/** The variables this configuration reads (docs/API.md plus JWT_SECRET and SIP_REALM). */
export const CONFIG_VARIABLES = [
  'PORT',
  'DATA_DIR',
  'DATABASE_URL',
  'KAFKA_BROKERS',
  'ADMIN_USERNAME',
  'ADMIN_PASSWORD',
  'SWITCH_API_KEY',
  'INTERNAL_SERVICE_KEY',
  'BILLING_CURRENCY',
  'SMTP_URL',
  'MAIL_FROM',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_API_BASE',
  'STRIPE_PUBLISHABLE_KEY',
  'PORTAL_URL',
  'JWT_SECRET',
  'SIP_REALM',
  'TRUSTED_PROXIES',
  'PORTAL_DIR',
] as const;

/** Never echoed in error messages (URLs may carry passwords). */
const NOT_ECHOED = new Set(['ADMIN_PASSWORD', 'SWITCH_API_KEY', 'INTERNAL_SERVICE_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PUBLISHABLE_KEY', 'JWT_SECRET', 'DATABASE_URL', 'SMTP_URL']);

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** An empty or blank variable counts as unset (`FOO= npm start`). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const urlWithProtocols = (protocols: readonly string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL (${protocols.map((p) => `${p}//`).join(' or ')})` },
  );

const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/;
/** A host name: it ends up in `user:realm:password`, so no colon or whitespace (as the accounts module checks). */
const sipRealm = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

const EnvSchema = z.object({
  PORT: optional(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be an integer port number')
      .transform(Number)
      .refine((port) => port <= 65535, 'must be at most 65535'),
  ),
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(urlWithProtocols(['postgres:', 'postgresql:'])),
  KAFKA_BROKERS: optional(
    z
      .string()
      .transform((value) => value.split(',').map((b) => b.trim()).filter((b) => b !== ''))
      .refine((brokers) => brokers.length > 0 && brokers.every((b) => hostPort.test(b)), 'must be a comma-separated list of host:port'),
  ),
  ADMIN_USERNAME: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._@+-]{2,127}$/, 'must be 3–128 characters: letters, digits, . _ @ + -'),
  ),
  ADMIN_PASSWORD: optional(z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(256)),
  SWITCH_API_KEY: optional(
    z
      .string()
      .min(MIN_SWITCH_API_KEY_LENGTH, `must be at least ${MIN_SWITCH_API_KEY_LENGTH} characters`)
      .max(512)
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  ),
  INTERNAL_SERVICE_KEY: optional(
    z
      .string()
      .min(MIN_INTERNAL_SERVICE_KEY_LENGTH, `must be at least ${MIN_INTERNAL_SERVICE_KEY_LENGTH} characters`)
      .max(512)
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  ),
  BILLING_CURRENCY: optional(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code: three upper-case letters, e.g. USD')),
  SMTP_URL: optional(urlWithProtocols(['smtp:', 'smtps:'])),
  MAIL_FROM: optional(z.string().regex(/^[^@\s]+@[^@\s]+$|^.*<[^@\s<>]+@[^@\s<>]+>$/, 'must be an e-mail address, optionally "Name <addr>"')),
  STRIPE_SECRET_KEY: optional(z.string().min(1)),
  STRIPE_WEBHOOK_SECRET: optional(z.string().min(1)),
  STRIPE_API_BASE: optional(urlWithProtocols(['http:', 'https:'])),
  // sent to every browser, so only a publishable key (a secret key put here by mistake is refused, not echoed)
  STRIPE_PUBLISHABLE_KEY: optional(z.string().regex(/^pk_(test|live)_[A-Za-z0-9]{8,250}$/, 'must be a Stripe publishable key (pk_test_… or pk_live_…)')),
  PORTAL_URL: optional(urlWithProtocols(['http:', 'https:'])),
  JWT_SECRET: optional(z.string().min(MIN_JWT_SECRET_LENGTH, `must be at least ${MIN_JWT_SECRET_LENGTH} characters`)),
  SIP_REALM: optional(
    z
      .string()
      .trim()
      .regex(sipRealm, 'must be a host name such as sip.example.com (letters, digits, . -)')
      .transform((realm) => realm.toLowerCase()),
  ),
  TRUSTED_PROXIES: optional(
    z.string().transform((value, context) => {
      try {
        return TrustedProxies.parse(value).entries;
      } catch (error) {
        context.addIssue({ code: 'custom', message: `must be IP addresses or CIDR blocks separated by commas: ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
  ),
  PORTAL_DIR: optional(z.string()),
});

/**
 * Parses and validates the environment. Pure (no I/O, no randomness): call it once at start and
 * pass the result on. Every problem is reported at once, secrets never echoed.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): GatewayConfig {
  const input = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name]]));
  const parsed = EnvSchema.safeParse(input);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '?');
      problems.push(`${name} ${issue.message}${NOT_ECHOED.has(name) ? '' : describeValue(env[name])}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if ((e.STRIPE_SECRET_KEY === undefined) !== (e.STRIPE_WEBHOOK_SECRET === undefined)) {
    problems.push('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together (unset both to disable card payments)');
  }
  if (e.INTERNAL_SERVICE_KEY !== undefined && e.INTERNAL_SERVICE_KEY === e.SWITCH_API_KEY) {
    problems.push('INTERNAL_SERVICE_KEY must differ from SWITCH_API_KEY (the softswitch must not open the internal routes)');
  }
  if (e.SMTP_URL !== undefined && e.MAIL_FROM === undefined) {
    problems.push('MAIL_FROM must be set when SMTP_URL is set');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    port: e.PORT ?? 3000,
    dataDir: path.resolve(cwd, e.DATA_DIR ?? './data'),
    databaseUrl: e.DATABASE_URL,
    kafkaBrokers: e.KAFKA_BROKERS === undefined ? undefined : Object.freeze([...e.KAFKA_BROKERS]),
    transportMode: e.KAFKA_BROKERS === undefined ? 'in-process' : 'kafka',
    adminUsername: e.ADMIN_USERNAME ?? 'admin',
    adminPassword: e.ADMIN_PASSWORD,
    switchApiKey: e.SWITCH_API_KEY,
    internalServiceKey: e.INTERNAL_SERVICE_KEY,
    billingCurrency: e.BILLING_CURRENCY ?? 'USD',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    stripeSecretKey: e.STRIPE_SECRET_KEY,
    stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET,
    stripeApiBase: (e.STRIPE_API_BASE ?? 'https://api.stripe.com').replace(/\/+$/, ''),
    stripePublishableKey: e.STRIPE_PUBLISHABLE_KEY,
    portalUrl: (e.PORTAL_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    jwtSecret: e.JWT_SECRET,
    sipRealm: e.SIP_REALM ?? 'localhost',
    trustedProxies: Object.freeze([...(e.TRUSTED_PROXIES ?? [])]),
    portalDir: e.PORTAL_DIR === undefined ? undefined : path.resolve(cwd, e.PORTAL_DIR),
  } satisfies GatewayConfig);
}

/** For logs: the configuration with secrets and URL passwords masked. */
export function describeConfig(config: GatewayConfig): Record<string, unknown> {
  return {
    port: config.port,
    dataDir: config.dataDir,
    database: config.databaseUrl === undefined ? 'embedded' : maskUrl(config.databaseUrl),
    transport: config.transportMode === 'kafka' ? `kafka ${config.kafkaBrokers?.join(',')}` : 'in-process',
    adminUsername: config.adminUsername,
    adminPassword: config.adminPassword === undefined ? 'generated' : 'from ADMIN_PASSWORD',
    switchApiKey: config.switchApiKey === undefined ? 'generated' : 'from SWITCH_API_KEY',
    internalServiceKey: config.internalServiceKey === undefined ? 'unset (internal routes closed)' : 'from INTERNAL_SERVICE_KEY',
    billingCurrency: config.billingCurrency,
    mail: config.smtpUrl === undefined ? 'disabled' : `${maskUrl(config.smtpUrl)} from ${config.mailFrom}`,
    cardPayments: config.stripeSecretKey === undefined ? 'disabled' : `enabled (${config.stripeApiBase})`,
    stripePublishableKey: config.stripePublishableKey === undefined ? 'unset (the portal hides card top-up)' : 'set',
    portalUrl: config.portalUrl,
    jwtSecret: config.jwtSecret === undefined ? 'generated, stored in the database' : 'from JWT_SECRET',
    sipRealm: config.sipRealm,
    trustedProxies: config.trustedProxies.length === 0 ? 'none' : config.trustedProxies.join(','),
    portalDir: config.portalDir ?? 'the build output\'s portal folder',
  };
}

function maskUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '***';
  }
}

function describeValue(value: string | undefined): string {
  if (value === undefined) return '';
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return ` (got ${JSON.stringify(shown)})`;
}
