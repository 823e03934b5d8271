// The login store (table `<schema>.credentials`): usernames (lower-cased, unique), scrypt hashes,
// role and subject. Other services create logins through this API (an agent's login when the
// agent is opened, customers' logins from the portal or a batch) and never touch the table.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RejectedCommand } from '@billing/decider';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { MIN_PASSWORD_LENGTH } from '../config/gateway-config.js';
import { GATEWAY_OPTIONS, PG_POOL, type ResolvedGatewayOptions } from '../gateway.tokens.js';
import { hashPassword, MAX_PASSWORD_LENGTH, needsRehash, verifyPassword } from './password-hasher.js';
import { LOGIN_ROLES, type LoginRole } from './principal.js';

export interface Login {
  username: string;
  role: LoginRole;
  subjectId: string;
  disabled: boolean;
  /** bumped by changePassword/disable: tokens issued before stop working. */
  tokenVersion: number;
}

export interface NewLogin {
  username: string;
  password: string;
  role: LoginRole;
  subjectId: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._@+-]{2,127}$/;
/** How long a token's "still valid" answer is cached (disable/changePassword take effect within it on other replicas). */
const TOKEN_CHECK_TTL_MS = 5_000;
const TOKEN_CHECK_MAX_ENTRIES = 10_000;

interface Row {
  username: string;
  password_hash: string;
  role: LoginRole;
  subject_id: string;
  disabled: boolean;
  token_version: number;
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** A random password for generated logins (admin bootstrap, customer batches): 24 chars, 144 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

@Injectable()
export class CredentialsService implements OnModuleInit {
  private readonly table: string;
  private readonly tokenChecks = new Map<string, { tokenVersion: number; disabled: boolean; expiresAtMs: number } | null>();
  private dummyHash: Promise<string> | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(GATEWAY_OPTIONS) private readonly options: ResolvedGatewayOptions,
  ) {
    this.table = `${options.schema}.credentials`;
  }

  /** Prepares the hash an unknown username is checked against, so even the first such login costs the same. */
  onModuleInit(): void {
    void this.getDummyHash();
  }

  /** Creates a login; 409 `username-taken` if the name exists, 422 for an invalid name or password. */
  async createLogin(input: NewLogin): Promise<Login> {
    const username = this.validUsername(input.username);
    this.validPassword(input.password);
    if (!LOGIN_ROLES.includes(input.role)) throw new RejectedCommand(`role must be one of ${LOGIN_ROLES.join(', ')}`, 'invalid-role', 422);
    if (input.subjectId.length === 0 || input.subjectId.length > 200) throw new RejectedCommand('subjectId must be 1–200 characters', 'invalid-subject', 422);
    const hash = await hashPassword(input.password, this.options.scryptParams);
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO ${this.table} (username, password_hash, role, subject_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO NOTHING
       RETURNING username, password_hash, role, subject_id, disabled, token_version`,
      [username, hash, input.role, input.subjectId],
    );
    const row = rows[0];
    if (row === undefined) throw new RejectedCommand(`username "${username}" is already taken`, 'username-taken', 409);
    return toLogin(row);
  }

  /** Sets a new password; tokens issued before stop working. 404 `login-not-found` if unknown. */
  async changePassword(username: string, newPassword: string): Promise<void> {
    this.validPassword(newPassword);
    const hash = await hashPassword(newPassword, this.options.scryptParams);
    await this.update(username, 'password_hash = $2, token_version = token_version + 1', [hash]);
  }

  /** The login can no longer log in, and its tokens stop working. */
  async disable(username: string): Promise<void> {
    await this.update(username, 'disabled = true, token_version = token_version + 1', []);
  }

  async enable(username: string): Promise<void> {
    await this.update(username, 'disabled = false', []);
  }

  async findLogin(username: string): Promise<Login | undefined> {
    const row = await this.findRow(normalizeUsername(username));
    return row === undefined ? undefined : toLogin(row);
  }

  async findLoginsOf(role: LoginRole, subjectId: string): Promise<Login[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT username, password_hash, role, subject_id, disabled, token_version FROM ${this.table}
       WHERE role = $1 AND subject_id = $2 ORDER BY username`,
      [role, subjectId],
    );
    return rows.map(toLogin);
  }

  /**
   * The login if `password` is right (disabled logins included: the caller decides), else
   * undefined. An unknown username costs the same scrypt work as a known one.
   */
  async verifyCredentials(username: string, password: string): Promise<Login | undefined> {
    const normalized = normalizeUsername(username);
    const row = USERNAME.test(normalized) ? await this.findRow(normalized) : undefined;
    if (row === undefined) {
      await verifyPassword(password, await this.getDummyHash());
      return undefined;
    }
    if (!(await verifyPassword(password, row.password_hash))) return undefined;
    if (needsRehash(row.password_hash, this.options.scryptParams)) {
      const hash = await hashPassword(password, this.options.scryptParams);
      await this.pool.query(`UPDATE ${this.table} SET password_hash = $2 WHERE username = $1 AND password_hash = $3`, [
        row.username,
        hash,
        row.password_hash,
      ]);
    }
    return toLogin(row);
  }

  /** Whether a token with this version is still good (login exists, enabled, not re-keyed). Cached briefly. */
  async isTokenCurrent(username: string, tokenVersion: number): Promise<boolean> {
    const now = Date.now();
    let cached = this.tokenChecks.get(username);
    if (cached === undefined || (cached !== null && cached.expiresAtMs <= now)) {
      const row = await this.findRow(username);
      cached = row === undefined ? null : { tokenVersion: row.token_version, disabled: row.disabled, expiresAtMs: now + TOKEN_CHECK_TTL_MS };
      // unknown logins are not cached (bounded map; a later createLogin must work at once).
      if (cached !== null) {
        this.tokenChecks.delete(username);
        this.tokenChecks.set(username, cached);
        if (this.tokenChecks.size > TOKEN_CHECK_MAX_ENTRIES) this.tokenChecks.delete(this.tokenChecks.keys().next().value!);
      }
    }
    return cached !== null && !cached.disabled && cached.tokenVersion === tokenVersion;
  }

  /**
   * Start-up bootstrap of the ITC admin (DESIGN §7): created if missing, with `password` or a
   * generated one (returned, to be printed once); if it exists and `password` is given and
   * differs, the password is replaced. Safe when several replicas start at once.
   */
  async ensureAdmin(usernameInput: string, password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
    const username = this.validUsername(usernameInput);
    const existing = await this.findRow(username);
    if (existing !== undefined && existing.role !== 'admin') {
      throw new Error(`ADMIN_USERNAME "${username}" is already the login of a ${existing.role}; choose another ADMIN_USERNAME`);
    }
    if (existing === undefined) {
      const chosen = password ?? generatePassword();
      const hash = await hashPassword(chosen, this.options.scryptParams);
      const { rowCount } = await this.pool.query(
        `INSERT INTO ${this.table} (username, password_hash, role, subject_id) VALUES ($1, $2, 'admin', $1) ON CONFLICT (username) DO NOTHING`,
        [username, hash],
      );
      if (rowCount === 1) return password === undefined ? { created: true, generatedPassword: chosen } : { created: true };
      return this.ensureAdmin(username, password); // another replica created it first
    }
    if (password !== undefined && !(await verifyPassword(password, existing.password_hash))) {
      await this.changePassword(username, password);
    }
    return { created: false };
  }

  private async update(usernameInput: string, set: string, params: unknown[]): Promise<void> {
    const username = normalizeUsername(usernameInput);
    const { rowCount } = await this.pool.query(`UPDATE ${this.table} SET ${set}, updated_at = now() WHERE username = $1`, [username, ...params]);
    this.tokenChecks.delete(username);
    if (rowCount !== 1) throw new RejectedCommand(`no login "${username}"`, 'login-not-found', 404);
  }

  private async findRow(username: string): Promise<Row | undefined> {
    const { rows } = await this.pool.query<Row>(
      `SELECT username, password_hash, role, subject_id, disabled, token_version FROM ${this.table} WHERE username = $1`,
      [username],
    );
    return rows[0];
  }

  private validUsername(input: string): string {
    const username = normalizeUsername(input);
    if (!USERNAME.test(username)) {
      throw new RejectedCommand('username must be 3–128 characters: letters, digits, . _ @ + - (starting with a letter or digit)', 'invalid-username', 422);
    }
    return username;
  }

  private validPassword(password: string): void {
    if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
      throw new RejectedCommand(`password must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`, 'weak-password', 422);
    }
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword(generatePassword(), this.options.scryptParams);
    return this.dummyHash;
  }
}

function toLogin(row: Row): Login {
  return { username: row.username, role: row.role, subjectId: row.subject_id, disabled: row.disabled, tokenVersion: row.token_version };
}
