// One owner's customer profiles have distinct names (docs/API.md §1, Names): two "Prepaid basic" made
// the pickers show identical choices. No single stream can decide it, so — as the agent credit
// total (agent-credit-total.ts) — the names are read in the transaction that appends the profile,
// under an advisory lock per owner and name (names that look alike share it) held until commit: of
// concurrent creations the second waits, then sees the first. Compared by the domain's rule, not in
// SQL (lower/btrim know no no-break space or NFC). Not a unique index: profiles named alike before
// this rule exist in the events, and the read model must stay rebuildable from them; such a profile
// keeps its name.
import { checkProfileNameFree, isProfileRename, profileNameKey, type AccountsEvent } from '@billing/accounts-domain';
import type pg from 'pg';

/** pg_advisory_xact_lock key: "PRFN"; the second key is the owner and the name's key (hashed with the schema). */
export const PROFILE_NAME_LOCK = 0x50_52_46_4e;

/** The profile names `events` give (a creation, or a rename), checked against the owner's other profiles. */
export async function assertProfileNamesFree(client: pg.ClientBase, s: string, events: readonly AccountsEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type === 'CustomerProfileCreated') await assertFree(client, s, event.profileId, event.ownerAgentId, event.name);
    if (event.type === 'CustomerProfileUpdated') {
      const { rows } = await client.query<{ owner: string | null; name: string }>(`SELECT owner_agent_id AS owner, name FROM ${s}.customer_profiles WHERE profile_id = $1`, [
        event.profileId,
      ]);
      const current = rows[0];
      if (current !== undefined && isProfileRename(current.name, event.name)) await assertFree(client, s, event.profileId, current.owner, event.name);
    }
  }
}

async function assertFree(client: pg.ClientBase, s: string, profileId: string, owner: string | null, name: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PROFILE_NAME_LOCK, `${s}/${owner ?? ''}/${profileNameKey(name)}`]);
  const { rows } = await client.query<{ profileId: string; name: string }>(
    `SELECT profile_id AS "profileId", name FROM ${s}.customer_profiles
      WHERE owner_agent_id IS NOT DISTINCT FROM $1 AND status <> 'archived' AND profile_id <> $2`,
    [owner, profileId],
  );
  checkProfileNameFree(name, rows);
}
