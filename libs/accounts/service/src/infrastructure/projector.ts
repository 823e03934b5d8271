// Event → read-model rows. Runs inside the transaction that appends the event (commits), and
// over the whole log when the read models are rebuilt (rebuild.ts): a function of the event only,
// so both ways give the same rows. A row that should exist and does not is a bug: assert.
import { pickFeatures, type AccountsEvent } from '@billing/accounts-domain';
import { invariant } from '@billing/decider';
import type pg from 'pg';

import { projectSipUser, type Sql } from './sip-users.projection.js';
import { projectTrunkAddress } from './trunk-addresses.projection.js';

export class AccountsProjector {
  /** @param schema the quoted schema name (AccountsDatabase.schema). */
  constructor(private readonly schema: string) {}

  async apply(client: pg.ClientBase, event: AccountsEvent): Promise<void> {
    const s = this.schema;
    const insert: Sql = async (text, values) => {
      await client.query(text, values);
    };
    // an UPDATE must find its row: the event's aggregate was created by an earlier event.
    const update: Sql = async (text, values) => {
      const { rowCount } = await client.query(text, values);
      invariant(rowCount === 1, `projection of ${event.type}: expected 1 row, updated ${rowCount}`);
    };
    switch (event.type) {
      case 'AgentRegistered':
        await insert(
          `INSERT INTO ${s}.agents (agent_id, name, contact_email, commission_micro_percent, rate_sheet_id,
             low_balance_threshold_micros, username, status, registered_at, updated_at, max_customer_credit_limit_micros, customers_may_add_caller_ids,
             max_total_customer_credit_micros)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $8, $9, $10, $11)`,
          [
            event.agentId,
            event.name,
            event.contactEmail,
            event.commissionMicroPercent,
            event.rateSheetId,
            event.lowBalanceThresholdMicros,
            event.username,
            event.occurredAt,
            event.maxCustomerCreditLimitMicros,
            event.customersMayAddCallerIds,
            event.maxTotalCustomerCreditMicros,
          ],
        );
        await insert(`INSERT INTO ${s}.usernames (username, role, subject_id) VALUES ($1, 'agent', $2)`, [event.username, event.agentId]);
        return;
      case 'AgentCommissionChanged':
        return update(`UPDATE ${s}.agents SET commission_micro_percent = $2, updated_at = $3 WHERE agent_id = $1`, [event.agentId, event.commissionMicroPercent, event.occurredAt]);
      case 'AgentRateSheetChanged':
        return update(`UPDATE ${s}.agents SET rate_sheet_id = $2, updated_at = $3 WHERE agent_id = $1`, [event.agentId, event.rateSheetId, event.occurredAt]);
      case 'AgentContactUpdated':
        return update(`UPDATE ${s}.agents SET name = $2, contact_email = $3, updated_at = $4 WHERE agent_id = $1`, [event.agentId, event.name, event.contactEmail, event.occurredAt]);
      case 'AgentLowBalanceThresholdChanged':
        return update(`UPDATE ${s}.agents SET low_balance_threshold_micros = $2, updated_at = $3 WHERE agent_id = $1`, [event.agentId, event.lowBalanceThresholdMicros, event.occurredAt]);
      case 'AgentMaxCustomerCreditLimitChanged':
        return update(`UPDATE ${s}.agents SET max_customer_credit_limit_micros = $2, updated_at = $3 WHERE agent_id = $1`, [
          event.agentId,
          event.maxCustomerCreditLimitMicros,
          event.occurredAt,
        ]);
      case 'AgentMaxTotalCustomerCreditChanged':
        return update(`UPDATE ${s}.agents SET max_total_customer_credit_micros = $2, updated_at = $3 WHERE agent_id = $1`, [
          event.agentId,
          event.maxTotalCustomerCreditMicros,
          event.occurredAt,
        ]);
      case 'AgentCallerIdPolicyChanged':
        return update(`UPDATE ${s}.agents SET customers_may_add_caller_ids = $2, updated_at = $3 WHERE agent_id = $1`, [event.agentId, event.customersMayAddCallerIds, event.occurredAt]);
      case 'AgentSuspended':
      case 'AgentReactivated':
        return update(`UPDATE ${s}.agents SET status = $2, updated_at = $3 WHERE agent_id = $1`, [
          event.agentId,
          event.type === 'AgentSuspended' ? 'suspended' : 'active',
          event.occurredAt,
        ]);
      case 'CustomerProfileCreated':
        return insert(
          `INSERT INTO ${s}.customer_profiles (profile_id, owner_agent_id, name, status, billing_type, credit_limit_micros, rate_sheet_id,
             initial_balance_micros, low_balance_threshold_micros, max_concurrent_calls, max_call_duration_seconds, language, created_at, updated_at)
           VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
          [
            event.profileId,
            event.ownerAgentId,
            event.name,
            event.billingType,
            event.creditLimitMicros,
            event.rateSheetId,
            event.initialBalanceMicros,
            event.lowBalanceThresholdMicros,
            event.maxConcurrentCalls,
            event.maxCallDurationSeconds,
            event.language,
            event.occurredAt,
          ],
        );
      case 'CustomerProfileUpdated':
        return update(
          `UPDATE ${s}.customer_profiles SET name = $2, billing_type = $3, credit_limit_micros = $4, rate_sheet_id = $5, initial_balance_micros = $6,
             low_balance_threshold_micros = $7, max_concurrent_calls = $8, max_call_duration_seconds = $9, language = $10, updated_at = $11
           WHERE profile_id = $1`,
          [
            event.profileId,
            event.name,
            event.billingType,
            event.creditLimitMicros,
            event.rateSheetId,
            event.initialBalanceMicros,
            event.lowBalanceThresholdMicros,
            event.maxConcurrentCalls,
            event.maxCallDurationSeconds,
            event.language,
            event.occurredAt,
          ],
        );
      case 'CustomerProfileArchived':
        return update(`UPDATE ${s}.customer_profiles SET status = 'archived', updated_at = $2 WHERE profile_id = $1`, [event.profileId, event.occurredAt]);
      case 'CustomerOpened':
        await insert(
          `INSERT INTO ${s}.customers (customer_id, account_number, agent_id, profile_id, batch_id, status, billing_type, credit_limit_micros,
             rate_sheet_id, initial_balance_micros, initial_balance_source, low_balance_threshold_micros, max_concurrent_calls,
             max_call_duration_seconds, language, contact_email, low_balance_email_enabled, sip_username, portal_username,
             caller_ids, default_caller_id, follow_me, opened_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
             '[]'::jsonb, NULL, '{"enabled": false, "targets": []}'::jsonb, $19, $19)`,
          [
            event.customerId,
            event.accountNumber,
            event.agentId,
            event.profileId,
            event.batchId,
            event.billingType,
            event.creditLimitMicros,
            event.rateSheetId,
            event.initialBalanceMicros,
            event.initialBalanceSource,
            event.lowBalanceThresholdMicros,
            event.maxConcurrentCalls,
            event.maxCallDurationSeconds,
            event.language,
            event.contactEmail,
            event.lowBalanceEmailEnabled,
            event.sipUsername,
            event.portalUsername,
            event.occurredAt,
          ],
        );
        await insert(`INSERT INTO ${s}.sip_directory (sip_username, customer_id, sip_ha1, first_user, added_at) VALUES ($1, $2, $3, true, $4)`, [
          event.sipUsername,
          event.customerId,
          event.sipHa1,
          event.occurredAt,
        ]);
        await insert(`INSERT INTO ${s}.usernames (username, role, subject_id) VALUES ($1, 'customer', $2)`, [event.portalUsername, event.customerId]);
        // an opening without features (recorded before they existed) keeps the column's default set
        if (event.features !== undefined) await update(`UPDATE ${s}.customers SET features = $2::jsonb WHERE customer_id = $1`, [event.customerId, JSON.stringify(pickFeatures(event.features))]);
        return;
      case 'CustomerFeaturesChanged':
        return update(`UPDATE ${s}.customers SET features = $2::jsonb, updated_at = $3 WHERE customer_id = $1`, [event.customerId, JSON.stringify(pickFeatures(event)), event.occurredAt]);
      case 'CustomerProfileFeaturesChanged':
        return update(`UPDATE ${s}.customer_profiles SET features = $2::jsonb, updated_at = $3 WHERE profile_id = $1`, [event.profileId, JSON.stringify(pickFeatures(event)), event.occurredAt]);
      case 'CustomerSuspended':
      case 'CustomerReactivated':
      case 'CustomerClosed': {
        const status = { CustomerSuspended: 'suspended', CustomerReactivated: 'active', CustomerClosed: 'closed' }[event.type];
        return update(`UPDATE ${s}.customers SET status = $2, updated_at = $3 WHERE customer_id = $1`, [event.customerId, status, event.occurredAt]);
      }
      case 'CallerIdAdded':
      case 'CallerIdRemoved':
      case 'DefaultCallerIdChosen':
        return update(`UPDATE ${s}.customers SET caller_ids = $2::jsonb, default_caller_id = $3, updated_at = $4 WHERE customer_id = $1`, [
          event.customerId,
          JSON.stringify(event.callerIds),
          event.defaultCallerId,
          event.occurredAt,
        ]);
      case 'CallerIdApproved':
        return update(`UPDATE ${s}.customers SET caller_ids = $2::jsonb, default_caller_id = $3, pending_caller_ids = $4::jsonb, updated_at = $5 WHERE customer_id = $1`, [
          event.customerId,
          JSON.stringify(event.callerIds),
          event.defaultCallerId,
          JSON.stringify(event.pendingCallerIds),
          event.occurredAt,
        ]);
      case 'CallerIdRequested':
      case 'CallerIdRejected':
        return update(`UPDATE ${s}.customers SET pending_caller_ids = $2::jsonb, updated_at = $3 WHERE customer_id = $1`, [
          event.customerId,
          JSON.stringify(event.pendingCallerIds),
          event.occurredAt,
        ]);
      case 'FollowMeChanged':
        return update(`UPDATE ${s}.customers SET follow_me = $2::jsonb, updated_at = $3 WHERE customer_id = $1`, [
          event.customerId,
          JSON.stringify({ enabled: event.enabled, targets: event.targets.map(({ destination, ringSeconds }) => ({ destination, ringSeconds })) }),
          event.occurredAt,
        ]);
      case 'CustomerSettingsChanged':
        return update(
          `UPDATE ${s}.customers SET low_balance_threshold_micros = $2, contact_email = $3, language = $4, low_balance_email_enabled = $5, updated_at = $6
           WHERE customer_id = $1`,
          [event.customerId, event.lowBalanceThresholdMicros, event.contactEmail, event.language, event.lowBalanceEmailEnabled, event.occurredAt],
        );
      case 'CustomerRateSheetChanged':
        return update(`UPDATE ${s}.customers SET rate_sheet_id = $2, updated_at = $3 WHERE customer_id = $1`, [event.customerId, event.rateSheetId, event.occurredAt]);
      case 'CustomerCreditLimitChanged':
        return update(`UPDATE ${s}.customers SET credit_limit_micros = $2, updated_at = $3 WHERE customer_id = $1`, [event.customerId, event.creditLimitMicros, event.occurredAt]);
      case 'SipPasswordChanged':
        return update(`UPDATE ${s}.sip_directory SET sip_ha1 = $2 WHERE customer_id = $1 AND first_user`, [event.customerId, event.sipHa1]);
      case 'SipUserAdded':
      case 'SipUserChanged':
      case 'SipUserRemoved':
      case 'SipUserPasswordChanged':
        return projectSipUser(event, s, insert, update);
      case 'TrunkAddressAdded':
      case 'TrunkAddressRemoved':
        return projectTrunkAddress(client, event, s, insert, update);
      case 'BatchOpened':
        return insert(
          `INSERT INTO ${s}.batches (batch_id, profile_id, agent_id, customer_count, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [event.batchId, event.profileId, event.agentId, event.count, event.actor, event.occurredAt],
        );
    }
  }
}
