// One owner's customer profiles have different names (trimmed, any case): two "Prepaid basic" made
// the pickers show identical choices. No single stream can decide it, so — as the agent credit
// total (agent-credit-total.ts) — the names are read in the transaction that appends the profile,
// under an advisory lock per owner and name held until commit: of concurrent creations the second
// waits, then sees the first. Not a unique index: profiles named alike before this rule exist in
// the events, and the read model must stay rebuildable from them; such a profile keeps its name.
import type { AccountsEvent } from '@billing/accounts-domain';
import { RejectedCommand } from '@billing/decider';
import type pg from 'pg';

/** pg_advisory_xact_lock key: "PRFN"; the second key is the owner and the name (hashed with the schema). */
export const PROFILE_NAME_LOCK = 0x50_52_46_4e;

/** The profile names `events` give (a creation, or a rename), checked against the owner's other profiles. */
export async function assertProfileNamesFree(client: pg.ClientBase, s: string, events: readonly AccountsEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type === 'CustomerProfileCreated') await assertFree(client, s, event.profileId, event.ownerAgentId, event.name);
    if (event.type === 'CustomerProfileUpdated') {
      const { rows } = await client.query<{ owner: string | null; renamed: boolean }>(
        `SELECT owner_agent_id AS owner, lower(btrim(name)) <> lower(btrim($2)) AS renamed FROM ${s}.customer_profiles WHERE profile_id = $1`,
        [event.profileId, event.name],
      );
      if (rows[0]?.renamed === true) await assertFree(client, s, event.profileId, rows[0].owner, event.name);
    }
  }
}

async function assertFree(client: pg.ClientBase, s: string, profileId: string, owner: string | null, name: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2 || lower(btrim($3))))', [PROFILE_NAME_LOCK, `${s}/${owner ?? ''}/`, name]);
  const { rows } = await client.query(
    `SELECT 1 FROM ${s}.customer_profiles
      WHERE owner_agent_id IS NOT DISTINCT FROM $1 AND lower(btrim(name)) = lower(btrim($2)) AND status <> 'archived' AND profile_id <> $3 LIMIT 1`,
    [owner, name, profileId],
  );
  if (rows.length > 0) throw new RejectedCommand(`a profile named "${name}" already exists: choose another name`, 'name_taken', 409);
}
