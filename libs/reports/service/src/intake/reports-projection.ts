// The consumer's handler: integration event → read-model rows, in one transaction with the inbox
// entry (runOnce), and — in the same transaction — a NOTIFY carrying the live item, which
// PostgreSQL delivers to every instance's live feed only if and when that transaction commits,
// with its position in the projection's commit order (live-position.ts).
// A redelivered event finds its inbox row: no second fact, no second live message.
import type { IntegrationEvent } from '@billing/contracts';
import { runOnce, type ConsumeContext } from '@billing/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { ReportsDatabase } from '../infrastructure/reports-database.js';
import { encodeLiveItem } from '../live/live-codec.js';
import { agentLookupOf, liveItemOf, withAgent } from '../live/live-item.js';
import { takeLivePosition } from '../live/live-position.js';
import { changesOf, type ReportChange } from './report-changes.js';
import { parseReportsEvent } from './source-event.js';

@Injectable()
export class ReportsProjection {
  constructor(@Inject(ReportsDatabase) private readonly db: ReportsDatabase) {}

  async handle(envelope: IntegrationEvent, context: ConsumeContext): Promise<void> {
    const event = parseReportsEvent(envelope);
    if (event === null) return;
    const changes = changesOf(event);
    const live = liveItemOf(event, envelope);
    if (changes.length === 0 && live === null) return;
    await runOnce(this.db.store, context, async (client) => {
      for (const change of changes) await this.apply(client, change, envelope);
      if (live === null) return;
      const lookup = agentLookupOf(event);
      const item = lookup === null ? live : withAgent(live, await this.agentOf(client, lookup));
      // its place in the commit order, which GET /reports/series counts up to (live-position.ts)
      const position = await takeLivePosition(client, this.db);
      await client.query('SELECT pg_notify($1, $2)', [this.db.liveChannel, encodeLiveItem({ ...item, data: { ...item.data, position } })]);
    });
  }

  /** The customer's agent (null: ITC-direct, or not opened here yet — then only ITC and the customer see the item). */
  private async agentOf(client: pg.ClientBase, customerId: string): Promise<string | null> {
    const { rows } = await client.query<{ agent_id: string | null }>(`SELECT agent_id FROM ${this.db.table('customers')} WHERE customer_id = $1`, [customerId]);
    return rows[0]?.agent_id ?? null;
  }

  private async apply(client: pg.ClientBase, change: ReportChange, envelope: IntegrationEvent): Promise<void> {
    const t = (name: Parameters<ReportsDatabase['table']>[0]) => this.db.table(name);
    switch (change.type) {
      case 'agent':
        await client.query(
          `INSERT INTO ${t('agents')} (agent_id, name, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (agent_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
           WHERE ${t('agents')}.updated_at <= excluded.updated_at`,
          [change.agentId, change.name, envelope.occurredAt],
        );
        return;
      case 'customer':
        await client.query(
          `INSERT INTO ${t('customers')} (customer_id, agent_id, account_number, opened_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (customer_id) DO NOTHING`,
          [change.customerId, change.agentId, change.accountNumber, envelope.occurredAt],
        );
        return;
      case 'ledger':
        // the inbox already stops a second delivery; the key makes a fact unique even without it
        await client.query(
          `INSERT INTO ${t('ledger_facts')} (event_id, kind, occurred_at, agent_id, customer_id, account_kind, amount_micros, detail)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
          [envelope.eventId, change.kind, envelope.occurredAt, change.agentId, change.customerId, change.accountKind, change.amountMicros, change.detail],
        );
        return;
      case 'balance':
        // One account's events share a key, so they arrive in order; `as_of` keeps an older event
        // replayed later (e.g. from the dead letters) from overwriting a newer balance.
        await client.query(
          `INSERT INTO ${t('balances')} (account_kind, holder_id, agent_id, balance_micros, as_of) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (account_kind, holder_id) DO UPDATE
             SET agent_id = excluded.agent_id, balance_micros = excluded.balance_micros, as_of = excluded.as_of
           WHERE ${t('balances')}.as_of <= excluded.as_of`,
          [change.account, change.holderId, change.agentId, change.balanceMicros, envelope.occurredAt],
        );
        return;
      case 'call':
        // The latest outcome of a call wins, except that a rated call is never demoted.
        await client.query(
          `INSERT INTO ${t('calls')} (call_id, agent_id, customer_id, started_at, status, billsec_seconds, billed_seconds, cost_micros, destination_name, prefix, updated_at, agent_cost_micros, sip_username)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (call_id) DO UPDATE SET
             agent_id = excluded.agent_id, customer_id = excluded.customer_id, started_at = excluded.started_at, status = excluded.status,
             billsec_seconds = excluded.billsec_seconds, billed_seconds = excluded.billed_seconds, cost_micros = excluded.cost_micros,
             destination_name = excluded.destination_name, prefix = excluded.prefix, updated_at = excluded.updated_at, agent_cost_micros = excluded.agent_cost_micros,
             sip_username = excluded.sip_username
           WHERE ${t('calls')}.status <> 'rated' OR excluded.status = 'rated'`,
          [
            change.callId,
            change.agentId,
            change.customerId,
            change.startedAt,
            change.status,
            change.billsecSeconds,
            change.billedSeconds,
            change.costMicros,
            change.destinationName,
            change.prefix,
            envelope.occurredAt,
            change.agentCostMicros,
            change.sipUsername,
          ],
        );
        return;
    }
  }
}
