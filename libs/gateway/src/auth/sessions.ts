// Portal sessions: how a browser page keeps its login across reloads without storing a token
// where scripts can read it. A session is an opaque random id (256 bits) in an httpOnly cookie,
// plus a CSRF token the page echoes in a header (session-cookies.ts). Stored in PostgreSQL
// (`<schema>.sessions`, the gateway's shared state, as stream tickets are), so any gateway process
// resumes it; only SHA-256 hashes of the id and of the CSRF token are kept. A session lives
// SESSION_IDLE_SECONDS after its last use and never past SESSION_ABSOLUTE_SECONDS from login. It
// is bound to the login's token version (the tokens' revocation mechanism): a password change, a
// disabled login or a logout (which bumps the version) ends every session of the login.
// Bounded: at most MAX_SESSIONS_PER_LOGIN live sessions per login (a new one drops the oldest),
// and each new session deletes the expired ones.
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { GATEWAY_OPTIONS, PG_POOL, type ResolvedGatewayOptions } from '../gateway.tokens.js';
import type { Login } from './credentials.service.js';

export const SESSION_IDLE_SECONDS = 12 * 3600;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 3600;
export const MAX_SESSIONS_PER_LOGIN = 20;
/** `ses_` + 43 base64url characters; anything else is not looked up. */
const SESSION_ID = /^ses_[A-Za-z0-9_-]{43}$/;

export interface NewSession {
  sessionId: string;
  csrfToken: string;
}

/** What a presented session is: live (with its login), unknown/expired/revoked, or live but the CSRF token is wrong. */
export type SessionCheck = { outcome: 'live'; login: Login } | { outcome: 'no_session' } | { outcome: 'csrf_token_mismatch' };

interface SessionRow {
  csrf_hash: string;
  username: string;
  role: Login['role'];
  subject_id: string;
  disabled: boolean;
  token_version: number;
}

@Injectable()
export class Sessions {
  private readonly table: string;
  private readonly credentialsTable: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(GATEWAY_OPTIONS) options: ResolvedGatewayOptions,
  ) {
    this.table = `${options.schema}.sessions`;
    this.credentialsTable = `${options.schema}.credentials`;
  }

  /** A new session for `login` (just authenticated by its password). */
  async create(login: Login): Promise<NewSession> {
    const sessionId = `ses_${randomBytes(32).toString('base64url')}`;
    const csrfToken = randomBytes(32).toString('base64url');
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`DELETE FROM ${this.table} WHERE idle_expires_at <= now() OR absolute_expires_at <= now()`);
      // the login's oldest sessions beyond the bound (the new one counts), and those of an old token version
      await client.query(`DELETE FROM ${this.table} WHERE username = $1 AND token_version <> $2`, [login.username, login.tokenVersion]);
      await client.query(
        `DELETE FROM ${this.table} WHERE session_hash IN (
           SELECT session_hash FROM ${this.table} WHERE username = $1 ORDER BY created_at DESC OFFSET $2)`,
        [login.username, MAX_SESSIONS_PER_LOGIN - 1],
      );
      await client.query(
        `INSERT INTO ${this.table} (session_hash, csrf_hash, username, token_version, idle_expires_at, absolute_expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), now() + make_interval(secs => $6))`,
        [sha256Hex(sessionId), sha256Hex(csrfToken), login.username, login.tokenVersion, SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS],
      );
      await client.query('COMMIT');
      return { sessionId, csrfToken };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The session `sessionId` if it is live, its login current and enabled, and `csrfToken` is its
   * token; a live use slides its idle expiry (never past the absolute one). Read against the
   * credentials table itself, not the token check's 5 s cache: exact on every replica.
   */
  async check(sessionId: string | undefined, csrfToken: string | undefined, options: { slide: boolean }): Promise<SessionCheck> {
    if (sessionId === undefined || !SESSION_ID.test(sessionId)) return { outcome: 'no_session' };
    const hash = sha256Hex(sessionId);
    const { rows } = await this.pool.query<SessionRow>(
      `SELECT s.csrf_hash, c.username, c.role, c.subject_id, c.disabled, c.token_version
       FROM ${this.table} s JOIN ${this.credentialsTable} c ON c.username = s.username
       WHERE s.session_hash = $1 AND s.idle_expires_at > now() AND s.absolute_expires_at > now()
         AND c.token_version = s.token_version AND NOT c.disabled`,
      [hash],
    );
    const row = rows[0];
    if (row === undefined) return { outcome: 'no_session' };
    if (csrfToken === undefined || !sameHash(sha256Hex(csrfToken), row.csrf_hash)) return { outcome: 'csrf_token_mismatch' };
    if (options.slide) {
      await this.pool.query(`UPDATE ${this.table} SET idle_expires_at = least(now() + make_interval(secs => $2), absolute_expires_at) WHERE session_hash = $1`, [
        hash,
        SESSION_IDLE_SECONDS,
      ]);
    }
    return {
      outcome: 'live',
      login: { username: row.username, role: row.role, subjectId: row.subject_id, disabled: row.disabled, tokenVersion: row.token_version },
    };
  }

  /** Deletes the session (logout); unknown ids are ignored. */
  async end(sessionId: string): Promise<void> {
    if (!SESSION_ID.test(sessionId)) return;
    await this.pool.query(`DELETE FROM ${this.table} WHERE session_hash = $1`, [sha256Hex(sessionId)]);
  }
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
