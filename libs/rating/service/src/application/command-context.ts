// Who is calling and under which correlation id: every event of a request carries both.
import type { EventMetadata } from '@billing/event-store';
import type { Principal } from '@billing/gateway';

export interface CommandContext {
  readonly principal: Principal;
  readonly correlationId: string;
}

/** `admin:<username>`, `agent:<id>`, `switch`. */
export function actorOf(context: CommandContext): string {
  const { role, subjectId } = context.principal;
  return role === 'switch' ? 'switch' : `${role}:${subjectId}`;
}

export function metadataOf(context: CommandContext, causationId?: string): EventMetadata {
  return { actor: actorOf(context), correlationId: context.correlationId, ...(causationId === undefined ? {} : { causationId }) };
}
