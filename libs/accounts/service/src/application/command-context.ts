// Who asks, and under which request: every command gets its audit `meta` (actor, now) and every
// event the metadata the relay turns into Kafka headers (correlation-id, causation-id).
import type { CommandMeta } from '@billing/accounts-domain';
import type { EventMetadata } from '@billing/event-store';
import type { Principal } from '@billing/gateway';
import { randomUUID } from 'node:crypto';

export interface CommandContext {
  principal: Principal;
  /** the caller's request id (X-Correlation-Id), or one made up for this request. */
  correlationId: string;
}

/** `admin:<username>`, `agent:<id>`, `customer:<id>` — the domain's actor format. */
export function actorOf(principal: Principal): string {
  return `${principal.role}:${principal.subjectId}`;
}

export function commandMeta(context: CommandContext, now: Date): CommandMeta {
  return { actor: actorOf(context.principal), now: now.toISOString() };
}

/** Metadata of the events one command appends; `causationId` names that command. */
export function eventMetadata(context: CommandContext, extra: Record<string, string> = {}): EventMetadata {
  return { actor: actorOf(context.principal), correlationId: context.correlationId, causationId: randomUUID(), ...extra };
}
