// Stream tickets: how a client that cannot send an Authorization header (a browser's EventSource)
// opens a stream without putting its bearer token in the URL, where proxies and access logs keep
// it for the token's 8 hours. A ticket is random (256 bits), bound to the principal that asked and
// to one purpose (the stream it opens), good for STREAM_TICKET_TTL_SECONDS and for one use.
// Stored in PostgreSQL (`<schema>.stream_tickets`, the gateway's shared state), so a ticket issued
// by one gateway process is accepted by any other; only its SHA-256 is stored. Redeeming is one
// DELETE … RETURNING: of two processes racing for a ticket exactly one gets it. Bounded: at most
// MAX_TICKETS_PER_LOGIN unused tickets per login (issuing more drops its oldest), and every issue
// deletes the expired ones.
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { GATEWAY_OPTIONS, PG_POOL, type ResolvedGatewayOptions } from '../gateway.tokens.js';
import { CredentialsService } from './credentials.service.js';
import { LOGIN_ROLES, type LoginRole, type Principal } from './principal.js';

export const STREAM_TICKET_TTL_SECONDS = 30;
export const MAX_TICKETS_PER_LOGIN = 10;
/** `st_` + 43 base64url characters; anything else is not looked up. */
const TICKET = /^st_[A-Za-z0-9_-]{43}$/;

export interface IssuedTicket {
  ticket: string;
  expiresInSeconds: number;
  expiresAt: string;
}

interface RedeemedRow {
  role: LoginRole;
  subject_id: string;
  username: string;
  purpose: string;
  live: boolean;
  current: boolean;
}

export function ticketHash(ticket: string): string {
  return createHash('sha256').update(ticket, 'utf8').digest('hex');
}

@Injectable()
export class StreamTickets {
  private readonly table: string;
  private readonly credentialsTable: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(GATEWAY_OPTIONS) options: ResolvedGatewayOptions,
    @Inject(CredentialsService) private readonly credentials: CredentialsService,
  ) {
    this.table = `${options.schema}.stream_tickets`;
    this.credentialsTable = `${options.schema}.credentials`;
  }

  /** A new ticket for `principal` (a logged-in person, never the switch) to open `purpose` once. */
  async issue(principal: Principal, purpose: string): Promise<IssuedTicket> {
    const login = LOGIN_ROLES.includes(principal.role as LoginRole) ? await this.credentials.findLogin(principal.username) : undefined;
    if (login === undefined || login.disabled) throw new Error(`stream tickets are for logins, not for ${principal.role} "${principal.username}"`);
    // bound to the login's current token version: a password change or disable voids it too
    const tokenVersion = login.tokenVersion;
    const ticket = `st_${randomBytes(32).toString('base64url')}`;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`DELETE FROM ${this.table} WHERE expires_at <= now()`);
      // the login's oldest unused tickets beyond the bound (the new one counts)
      await client.query(
        `DELETE FROM ${this.table} WHERE ticket_hash IN (
           SELECT ticket_hash FROM ${this.table} WHERE username = $1 ORDER BY expires_at DESC OFFSET $2)`,
        [principal.username, MAX_TICKETS_PER_LOGIN - 1],
      );
      const { rows } = await client.query<{ expires_at: Date }>(
        `INSERT INTO ${this.table} (ticket_hash, purpose, role, subject_id, username, token_version, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7)) RETURNING expires_at`,
        [ticketHash(ticket), purpose, principal.role, principal.subjectId, principal.username, tokenVersion, STREAM_TICKET_TTL_SECONDS],
      );
      await client.query('COMMIT');
      return { ticket, expiresInSeconds: STREAM_TICKET_TTL_SECONDS, expiresAt: rows[0]!.expires_at.toISOString() };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The principal of an unused, unexpired ticket for `purpose`, which is used up by this call;
   * undefined for any other ticket, and for one whose login has since been disabled or re-keyed.
   */
  async redeem(ticket: string, purpose: string): Promise<Principal | undefined> {
    if (!TICKET.test(ticket)) return undefined;
    // used up and checked against the login in one statement: exact on every replica (the token
    // check's 5 s cache would let a ticket outlive a password change on another process)
    const { rows } = await this.pool.query<RedeemedRow>(
      `WITH used AS (DELETE FROM ${this.table} WHERE ticket_hash = $1 RETURNING *)
       SELECT used.role, used.subject_id, used.username, used.purpose, used.expires_at > now() AS live,
              coalesce(c.token_version = used.token_version AND NOT c.disabled, false) AS current
       FROM used LEFT JOIN ${this.credentialsTable} c ON c.username = used.username`,
      [ticketHash(ticket)],
    );
    const row = rows[0];
    if (row === undefined || !row.live || !row.current || row.purpose !== purpose) return undefined;
    return { role: row.role, subjectId: row.subject_id, username: row.username };
  }
}
