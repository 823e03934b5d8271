// SIP users beyond the account's first one → sip_directory rows (the unique sip_username key
// refuses a username another account holds, and the whole append with it).
import type { SipUserEvent } from '@billing/accounts-domain';

export type Sql = (text: string, values: unknown[]) => Promise<void>;

/** @param s the quoted schema; `update` asserts that exactly one row changed. */
export async function projectSipUser(event: SipUserEvent, s: string, insert: Sql, update: Sql): Promise<void> {
  switch (event.type) {
    case 'SipUserAdded':
      return insert(
        `INSERT INTO ${s}.sip_directory (sip_username, customer_id, sip_ha1, first_user, display_name, caller_id, max_concurrent_calls, status, added_at)
         VALUES ($1, $2, $3, false, $4, $5, $6, $7, $8)`,
        [event.sipUsername, event.customerId, event.sipHa1, event.displayName, event.callerId, event.maxConcurrentCalls, event.status, event.occurredAt],
      );
    case 'SipUserChanged':
      return update(
        `UPDATE ${s}.sip_directory SET display_name = $3, caller_id = $4, max_concurrent_calls = $5, status = $6 WHERE customer_id = $1 AND sip_username = $2`,
        [event.customerId, event.sipUsername, event.displayName, event.callerId, event.maxConcurrentCalls, event.status],
      );
    case 'SipUserRemoved':
      return update(`DELETE FROM ${s}.sip_directory WHERE customer_id = $1 AND sip_username = $2 AND NOT first_user`, [event.customerId, event.sipUsername]);
    case 'SipUserPasswordChanged':
      return update(`UPDATE ${s}.sip_directory SET sip_ha1 = $3 WHERE customer_id = $1 AND sip_username = $2`, [event.customerId, event.sipUsername, event.sipHa1]);
  }
}
