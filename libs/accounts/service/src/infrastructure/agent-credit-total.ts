// The one credit rule no single stream can decide: the credit limits of an agent's open postpaid
// customers together stay within the total ITC set on the agent (checkAgentCreditTotal). The sum
// is read in the transaction that appends the grant, under a per-agent advisory lock held until
// commit, so of concurrent grants (openings, raises) the second waits and then sees the first.
import { checkAgentCreditTotal } from '@billing/accounts-domain';
import type pg from 'pg';

/** pg_advisory_xact_lock key: "ACRD"; the second key is the agent (hashed with the schema). */
export const AGENT_CREDIT_LOCK = 0x41_43_52_44;

export interface AgentCreditGrant {
  agentId: string;
  /** the customer that gets the credit: its own current limit is replaced, not added to. */
  customerId: string;
  creditLimitMicros: bigint;
  /** the agent's maxTotalCustomerCreditMicros, from the agent's stream as the plan loaded it. */
  maxTotalMicros: bigint;
}

/** @param s the quoted schema (AccountsDatabase.schema). Throws 403 agent_credit_total_exceeded. */
export async function assertAgentCreditTotal(client: pg.ClientBase, s: string, grant: AgentCreditGrant): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AGENT_CREDIT_LOCK, `${s}/${grant.agentId}`]);
  const { rows } = await client.query<{ granted: string }>(
    `SELECT COALESCE(SUM(credit_limit_micros), 0)::text AS granted FROM ${s}.customers
      WHERE agent_id = $1 AND billing_type = 'postpaid' AND status <> 'closed' AND customer_id <> $2`,
    [grant.agentId, grant.customerId],
  );
  checkAgentCreditTotal({ maxTotalMicros: grant.maxTotalMicros, grantedMicros: BigInt(rows[0]!.granted), creditLimitMicros: grant.creditLimitMicros });
}
