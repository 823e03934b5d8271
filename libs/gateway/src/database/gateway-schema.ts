// The gateway's own tables (no domain state): logins, generated secrets, idempotency keys,
// stream tickets, portal sessions.
// Created idempotently at start under an advisory lock, so replicas may start together.
import type pg from 'pg';

export const DEFAULT_GATEWAY_SCHEMA = 'gateway';

export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return schema;
}

export async function migrateGatewaySchema(pool: pg.Pool, schema: string): Promise<void> {
  const s = assertSchemaName(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gateway-migrate:${s}`]);
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.credentials (
        username       text PRIMARY KEY CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 128),
        password_hash  text NOT NULL,
        role           text NOT NULL CHECK (role IN ('admin', 'agent', 'customer')),
        subject_id     text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
        disabled       boolean NOT NULL DEFAULT false,
        token_version  integer NOT NULL DEFAULT 0,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS credentials_subject_idx ON ${s}.credentials (role, subject_id);
      CREATE TABLE IF NOT EXISTS ${s}.settings (
        key         text PRIMARY KEY,
        value       text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS ${s}.idempotency_keys (
        subject        text NOT NULL,
        key            text NOT NULL,
        request_hash   text NOT NULL,
        method         text NOT NULL,
        path           text NOT NULL,
        state          text NOT NULL CHECK (state IN ('in_progress', 'completed')),
        owner_token    uuid NOT NULL,
        status_code    integer,
        content_type   text,
        response_body  text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        lease_until    timestamptz NOT NULL,
        completed_at   timestamptz,
        PRIMARY KEY (subject, key)
      );
      CREATE INDEX IF NOT EXISTS idempotency_keys_created_idx ON ${s}.idempotency_keys (created_at);
      CREATE TABLE IF NOT EXISTS ${s}.stream_tickets (
        ticket_hash    text PRIMARY KEY,
        purpose        text NOT NULL,
        role           text NOT NULL CHECK (role IN ('admin', 'agent', 'customer')),
        subject_id     text NOT NULL,
        username       text NOT NULL,
        token_version  integer NOT NULL,
        expires_at     timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS stream_tickets_username_idx ON ${s}.stream_tickets (username, expires_at);
      CREATE INDEX IF NOT EXISTS stream_tickets_expires_idx ON ${s}.stream_tickets (expires_at);
      CREATE TABLE IF NOT EXISTS ${s}.sessions (
        session_hash         text PRIMARY KEY,
        csrf_hash            text NOT NULL,
        username             text NOT NULL,
        token_version        integer NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        idle_expires_at      timestamptz NOT NULL,
        absolute_expires_at  timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_username_idx ON ${s}.sessions (username, created_at);
      CREATE INDEX IF NOT EXISTS sessions_expires_idx ON ${s}.sessions (idle_expires_at);
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
