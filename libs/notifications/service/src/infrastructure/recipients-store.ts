// The recipients projection (accounts.events.v1 → who gets a holder's e-mails) and its lookup.
import { invariant } from '@billing/decider';
import { holderKey, type Holder, type HolderKind, type RecipientChange, type RecipientView } from '@billing/notifications-domain';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { NotificationsDatabase } from './notifications-database.js';

interface RecipientRow {
  holder_kind: HolderKind;
  holder_id: string;
  email: string | null;
  language: string;
  low_balance_email_enabled: boolean;
  name: string | null;
  account_number: string | null;
  agent_id: string | null;
  agent_name: string | null;
}

const COLUMNS: Record<string, string> = { email: 'email', language: 'language', lowBalanceEmailEnabled: 'low_balance_email_enabled', name: 'name' };

@Injectable()
export class RecipientsStore {
  private readonly table: string;
  private readonly pool: pg.Pool;

  constructor(@Inject(NotificationsDatabase) db: NotificationsDatabase) {
    this.table = db.table('recipients');
    this.pool = db.pool;
  }

  /** Inside the consumer's transaction (with its inbox entry). */
  async apply(client: pg.ClientBase, change: RecipientChange, at: string): Promise<void> {
    if (change.type === 'upsert') {
      const r = change.recipient;
      await client.query(
        `INSERT INTO ${this.table} (holder_kind, holder_id, email, language, low_balance_email_enabled, name, account_number, agent_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (holder_kind, holder_id) DO UPDATE SET email = $3, language = $4, low_balance_email_enabled = $5, name = $6,
           account_number = $7, agent_id = $8, updated_at = $9`,
        [r.holder.kind, r.holder.id, r.email, r.language, r.lowBalanceEmailEnabled, r.name, r.accountNumber, r.agentId, at],
      );
      return;
    }
    const fields = Object.entries(change.fields).filter(([, value]) => value !== undefined);
    const sets = fields.map(([field], index) => `${COLUMNS[field]} = $${index + 4}`);
    const { rowCount } = await client.query(
      `UPDATE ${this.table} SET ${[...sets, 'updated_at = $3'].join(', ')} WHERE holder_kind = $1 AND holder_id = $2`,
      [change.holder.kind, change.holder.id, at, ...fields.map(([, value]) => value)],
    );
    // accounts publishes a holder's events in order (one key): a change before the opening is a bug upstream.
    invariant(rowCount === 1, `recipient ${holderKey(change.holder)} changed before it was opened`);
  }

  /** The holders that are known, by holderKey, with their agent's name. */
  async lookup(holders: readonly Holder[]): Promise<Map<string, RecipientView>> {
    if (holders.length === 0) return new Map();
    const { rows } = await this.pool.query<RecipientRow>(
      `SELECT r.holder_kind, r.holder_id, r.email, r.language, r.low_balance_email_enabled, r.name, r.account_number, r.agent_id, a.name AS agent_name
         FROM ${this.table} r
         LEFT JOIN ${this.table} a ON a.holder_kind = 'agent' AND a.holder_id = r.agent_id
        WHERE (r.holder_kind, r.holder_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [holders.map((h) => h.kind), holders.map((h) => h.id)],
    );
    return new Map(
      rows.map((row) => [
        holderKey({ kind: row.holder_kind, id: row.holder_id }),
        {
          holder: { kind: row.holder_kind, id: row.holder_id },
          email: row.email,
          language: row.language,
          lowBalanceEmailEnabled: row.low_balance_email_enabled,
          name: row.name,
          accountNumber: row.account_number,
          agentId: row.agent_id,
          agentName: row.agent_name,
        },
      ]),
    );
  }
}
