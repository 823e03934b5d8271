// Secrets the gateway needs at start, created on the first start of a database and kept in it:
// the JWT signing key (so tokens survive restarts and are shared by replicas), the switch API key
// (stored as a SHA-256 digest only) and the admin login. The internal service key is never
// generated here: only processes that were all given INTERNAL_SERVICE_KEY can share it, so
// without it no credential opens the internal routes (standalone calls them in process). What was generated is reported once,
// by the start that generated it, for the entry point to print; later starts generate nothing.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import type { GatewayConfig } from '../config/gateway-config.js';
import type { CredentialsService } from './credentials.service.js';

export interface GeneratedCredentials {
  adminUsername: string;
  /** set only on the start that created the admin without ADMIN_PASSWORD. */
  adminPassword?: string;
  /** set only on the start that generated the key (SWITCH_API_KEY unset). */
  switchApiKey?: string;
}

export class GatewaySecrets {
  private constructor(
    readonly jwtSecret: string,
    private readonly switchKeyDigest: Buffer,
    private readonly internalKeyDigest: Buffer | undefined,
    readonly generated: GeneratedCredentials,
  ) {}

  static async load(pool: pg.Pool, schema: string, config: GatewayConfig, credentials: CredentialsService): Promise<GatewaySecrets> {
    const generated: GeneratedCredentials = { adminUsername: config.adminUsername };
    const jwtSecret = config.jwtSecret ?? (await getOrCreateSetting(pool, schema, 'jwt_secret', () => randomBytes(48).toString('base64url'))).value;

    let switchKeyDigest: Buffer;
    if (config.switchApiKey !== undefined) {
      switchKeyDigest = sha256(config.switchApiKey);
    } else {
      const candidate = `sk_${randomBytes(32).toString('base64url')}`;
      const stored = await getOrCreateSetting(pool, schema, 'switch_api_key_sha256', () => sha256(candidate).toString('hex'));
      if (stored.created) generated.switchApiKey = candidate;
      switchKeyDigest = Buffer.from(stored.value, 'hex');
    }

    const admin = await credentials.ensureAdmin(config.adminUsername, config.adminPassword);
    if (admin.generatedPassword !== undefined) generated.adminPassword = admin.generatedPassword;
    const internalKeyDigest = config.internalServiceKey === undefined ? undefined : sha256(config.internalServiceKey);
    return new GatewaySecrets(jwtSecret, switchKeyDigest, internalKeyDigest, Object.freeze(generated));
  }

  /** Constant-time check of a presented switch API key (digests of equal length are compared). */
  isSwitchApiKey(candidate: string): boolean {
    return timingSafeEqual(sha256(candidate), this.switchKeyDigest);
  }

  /** Constant-time check of a presented internal service key; always false when INTERNAL_SERVICE_KEY is unset. */
  isInternalServiceKey(candidate: string): boolean {
    return this.internalKeyDigest !== undefined && timingSafeEqual(sha256(candidate), this.internalKeyDigest);
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

async function getOrCreateSetting(pool: pg.Pool, schema: string, key: string, create: () => string): Promise<{ value: string; created: boolean }> {
  const inserted = await pool.query<{ value: string }>(
    `INSERT INTO ${schema}.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value`,
    [key, create()],
  );
  if (inserted.rows[0] !== undefined) return { value: inserted.rows[0].value, created: true };
  const { rows } = await pool.query<{ value: string }>(`SELECT value FROM ${schema}.settings WHERE key = $1`, [key]);
  if (rows[0] === undefined) throw new Error(`setting ${key} vanished`);
  return { value: rows[0].value, created: false };
}
