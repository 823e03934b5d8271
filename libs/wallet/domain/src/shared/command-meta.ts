// Who and when, passed into every command: the domain has no clock and no session (docs/ARCHITECTURE.md, Event store).
// The same shape as the accounts context's CommandMeta.
import { invariant } from '@billing/decider';

export interface CommandMeta {
  /** who asks: `admin:<id>`, `agent:<id>`, `customer:<id>`, `system`, ... (as EventMetadata.actor). */
  readonly actor: string;
  /** business time of the command, ISO 8601 with offset, from the service's clock. */
  readonly now: string;
}

/** The audit fields every event carries. */
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

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function isIsoInstant(text: string): boolean {
  return ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

/** Milliseconds since the epoch of an instant already checked with isIsoInstant. */
export function instantMs(text: string): number {
  const ms = Date.parse(text);
  invariant(!Number.isNaN(ms), `not an ISO 8601 instant: "${text}"`);
  return ms;
}
