// Who and when, passed into every command: the domain has no clock and no session (docs/ARCHITECTURE.md, Event store).
import { invariant } from '@billing/decider';
import { isIsoInstant } from './instant.js';

export interface CommandMeta {
  /** `admin:<id>`, `switch`, `system`, … */
  readonly actor: string;
  /** business time of the command, ISO 8601 with offset, from the service's clock. */
  readonly now: string;
}

export interface Audit {
  readonly actor: string;
  readonly occurredAt: string;
}

const MAX_ACTOR_CHARS = 200;

/** A missing actor or a malformed time is the service's bug, not the user's: assert, never reject. */
export function auditOf(meta: CommandMeta): Audit {
  invariant(meta.actor.trim() !== '' && meta.actor.length <= MAX_ACTOR_CHARS, 'command meta needs an actor');
  invariant(isIsoInstant(meta.now), `command meta.now must be an ISO 8601 instant, got "${meta.now}"`);
  return { actor: meta.actor, occurredAt: meta.now };
}
