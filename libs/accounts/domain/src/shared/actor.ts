// Who asks, read from `meta.actor` (`admin:<id>`, `agent:<id>`, `customer:<id>`, `system`): the
// role rules (ITC may do anything, an agent only for itself and its customers) live in the domain,
// so every path that reaches a command obeys them, not only the routes that remember to check.
import { invariant } from '@billing/decider';
import type { CommandMeta } from './command-meta.js';

export type ActorRole = 'admin' | 'agent' | 'customer' | 'system';

export interface Actor {
  role: ActorRole;
  /** the admin login, agent or customer id; null for `system`. */
  id: string | null;
}

const ROLES: readonly ActorRole[] = ['admin', 'agent', 'customer'];

export function actorOf(meta: Pick<CommandMeta, 'actor'>): Actor {
  if (meta.actor === 'system') return { role: 'system', id: null };
  const colon = meta.actor.indexOf(':');
  const role = meta.actor.slice(0, colon) as ActorRole;
  invariant(colon > 0 && ROLES.includes(role) && colon < meta.actor.length - 1, `command meta.actor must be role:id or system, got "${meta.actor}"`);
  return { role, id: meta.actor.slice(colon + 1) };
}

/** ITC: its staff (admin) or the system acting for it. */
export function isItc(meta: Pick<CommandMeta, 'actor'>): boolean {
  const { role } = actorOf(meta);
  return role === 'admin' || role === 'system';
}

/** The agent `agentId` itself. */
export function isAgent(meta: Pick<CommandMeta, 'actor'>, agentId: string | null): boolean {
  const actor = actorOf(meta);
  return actor.role === 'agent' && actor.id === agentId;
}
