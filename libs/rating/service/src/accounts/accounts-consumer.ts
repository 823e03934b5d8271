// Consumes accounts.events.v1 (docs/ARCHITECTURE.md, Messaging) into the customer directory: who owns a SIP user or an
// account number, the customer's status and sheet over time, limits, CallerIDs and FollowMe, and
// the agents' default sheets and status. Each event's effect commits with its inbox entry
// (runOnce), so a redelivery changes nothing. Events rating has no use for are skipped.
import { isAccountsEventTypeV1, parseAccountsEventV1, topicFor, type AccountsIntegrationEventV1, type IntegrationEvent } from '@billing/contracts';
import { runOnce, type ConsumeContext, type ConsumerHandle } from '@billing/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import { RATING_OPTIONS, type ResolvedRatingOptions } from '../rating.options.js';
import { applySipUserChanged } from './sip-users.js';
import { applyTrunkAddressChanged } from './trunk-addresses.js';
import { CustomerFeatures } from './customer-features.js';

/** The accounts events rating's decisions read; the others are skipped (and not caught up on). */
export const ACCOUNTS_EVENTS_USED: ReadonlySet<string> = new Set([
  'accounts.CustomerOpened',
  'accounts.CustomerStatusChanged',
  'accounts.CustomerRateSheetChanged',
  'accounts.CustomerCallerIdsChanged',
  'accounts.CustomerFollowMeChanged',
  'accounts.CustomerFeaturesChanged',
  'accounts.AgentRegistered',
  'accounts.AgentRateSheetChanged',
  'accounts.AgentStatusChanged',
  'accounts.SipUserChanged',
  'accounts.TrunkAddressChanged',
]);

@Injectable()
export class AccountsConsumer {
  private readonly logger = new Logger('RatingAccountsConsumer');
  private handle: ConsumerHandle | undefined;

  constructor(
    @Inject(RatingDatabase) private readonly db: RatingDatabase,
    @Inject(RATING_OPTIONS) private readonly options: ResolvedRatingOptions,
    @Inject(CustomerFeatures) private readonly features: CustomerFeatures,
  ) {}

  async start(): Promise<void> {
    this.handle = await this.options.bus.consume({
      group: this.options.consumerGroup,
      topics: [topicFor(this.options.accountsService)],
      handler: (event, context) => this.handleEvent(event, context),
      store: this.db.store,
      checkpoints: this.db.store.checkpoints,
    });
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
    this.handle = undefined;
  }

  status() {
    return this.handle?.status();
  }

  async handleEvent(event: IntegrationEvent, context: ConsumeContext): Promise<void> {
    if (event.schemaVersion !== 1 || !isAccountsEventTypeV1(event.type) || !ACCOUNTS_EVENTS_USED.has(event.type)) return;
    const parsed = parseAccountsEventV1(event.type, event.data);
    const result = await runOnce(this.db.store, context, (client) => this.apply(client, parsed));
    if (result.applied && result.value === 'missing') this.logger.warn(`${event.type} ${event.eventId}: no such customer or agent in the directory (ignored)`);
  }

  /** The directory change of one event; 'missing' when it names a customer or agent not opened here. */
  private async apply(client: pg.ClientBase, event: AccountsIntegrationEventV1): Promise<'applied' | 'missing'> {
    const customers = this.db.table('customers');
    const agents = this.db.table('agents');
    let changed: number | null;
    switch (event.type) {
      case 'accounts.CustomerOpened': {
        const d = event.data;
        await client.query(
          `INSERT INTO ${customers} (customer_id, account_number, sip_username, agent_id, billing_type, status, status_history, sheet_history,
             max_concurrent_calls, max_call_duration_seconds, opened_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'active', $6::jsonb, $7::jsonb, $8, $9, $10, $10)
           ON CONFLICT (customer_id) DO NOTHING`,
          [
            d.customerId,
            d.accountNumber,
            d.sipUsername,
            d.agentId,
            d.billingType,
            JSON.stringify([{ from: d.occurredAt, status: 'active' }]),
            JSON.stringify([{ from: d.occurredAt, sheetId: d.rateSheetId }]),
            d.maxConcurrentCalls,
            d.maxCallDurationSeconds,
            d.occurredAt,
          ],
        );
        // PBX features in force from the opening (absent: opened before features existed = the defaults)
        if (d.features !== undefined) await this.features.record(client, d.customerId, d.occurredAt, d.features);
        return 'applied';
      }
      case 'accounts.CustomerFeaturesChanged': {
        const { customerId, effectiveFrom, actor: _actor, occurredAt: _at, ...features } = event.data;
        await this.features.record(client, customerId, effectiveFrom, features);
        return 'applied';
      }
      case 'accounts.CustomerStatusChanged': {
        const d = event.data;
        changed = (
          await client.query(
            `UPDATE ${customers} SET status = $2, status_history = status_history || $3::jsonb, updated_at = $4 WHERE customer_id = $1`,
            [d.customerId, d.status, JSON.stringify([{ from: d.occurredAt, status: d.status }]), d.occurredAt],
          )
        ).rowCount;
        break;
      }
      case 'accounts.CustomerRateSheetChanged': {
        const d = event.data;
        changed = (
          await client.query(`UPDATE ${customers} SET sheet_history = sheet_history || $2::jsonb, updated_at = $3 WHERE customer_id = $1`, [
            d.customerId,
            JSON.stringify([{ from: d.occurredAt, sheetId: d.rateSheetId }]),
            d.occurredAt,
          ])
        ).rowCount;
        break;
      }
      case 'accounts.CustomerCallerIdsChanged': {
        const d = event.data;
        changed = (
          await client.query(`UPDATE ${customers} SET caller_ids = $2::jsonb, default_caller_id = $3, updated_at = $4 WHERE customer_id = $1`, [
            d.customerId,
            JSON.stringify(d.callerIds),
            d.defaultCallerId,
            d.occurredAt,
          ])
        ).rowCount;
        break;
      }
      case 'accounts.CustomerFollowMeChanged': {
        const d = event.data;
        changed = (
          await client.query(`UPDATE ${customers} SET follow_me = $2::jsonb, updated_at = $3 WHERE customer_id = $1`, [
            d.customerId,
            JSON.stringify({ enabled: d.enabled, targets: d.targets }),
            d.occurredAt,
          ])
        ).rowCount;
        break;
      }
      case 'accounts.AgentRegistered': {
        const d = event.data;
        await client.query(
          `INSERT INTO ${agents} (agent_id, rate_sheet_id, status, updated_at, registered_at) VALUES ($1, $2, 'active', $3, $3) ON CONFLICT (agent_id) DO NOTHING`,
          [d.agentId, d.rateSheetId, d.occurredAt],
        );
        return 'applied';
      }
      case 'accounts.AgentRateSheetChanged': {
        const d = event.data;
        changed = (await client.query(`UPDATE ${agents} SET rate_sheet_id = $2, updated_at = $3 WHERE agent_id = $1`, [d.agentId, d.rateSheetId, d.occurredAt])).rowCount;
        break;
      }
      case 'accounts.SipUserChanged':
        await applySipUserChanged(client, this.db.table('sip_users'), event.data);
        return 'applied';
      case 'accounts.TrunkAddressChanged':
        await applyTrunkAddressChanged(client, this.db.table('trunk_addresses'), event.data);
        return 'applied';
      case 'accounts.AgentStatusChanged': {
        const d = event.data;
        changed = (await client.query(`UPDATE ${agents} SET status = $2, updated_at = $3 WHERE agent_id = $1`, [d.agentId, d.status, d.occurredAt])).rowCount;
        break;
      }
      default:
        return 'applied';
    }
    return changed === 0 ? 'missing' : 'applied';
  }
}
