// Who and when, passed into every command: the domain has no clock and no session (docs/ARCHITECTURE.md, Event store).
import { invariant } from '@billing/decider';

export interface CommandMeta {
  /** who asks: `admin:<id>`, `agent:<id>`, `customer:<id>` or `system` (as EventMetadata.actor). */
  actor: string;
  /** business time of the command, ISO 8601 with offset, from the service's clock. */
  now: string;
}

/** The audit fields every event carries: who changed what, and when. */
export interface Audit {
  actor: string;
  occurredAt: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** A missing actor or a malformed time is the service's bug, not the user's: assert, do not reject. */
export function auditOf(meta: CommandMeta): Audit {
  invariant(meta.actor.trim() !== '' && meta.actor.length <= 200, 'command meta needs an actor');
  invariant(ISO_INSTANT.test(meta.now) && !Number.isNaN(Date.parse(meta.now)), `command meta.now must be an ISO instant, got "${meta.now}"`);
  return { actor: meta.actor, occurredAt: meta.now };
}
