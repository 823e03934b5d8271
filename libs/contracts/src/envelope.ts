// The integration-event envelope (docs/ARCHITECTURE.md, Messaging): what crosses a context boundary, on Kafka or through
// the in-process transport. Domain events stay private to their service; a mapper per service
// decides which of them become integration events and in what versioned shape.
import { z } from 'zod';

/** `<context>.<EventName>`, e.g. `wallet.FundsDeposited`. */
const EVENT_TYPE = /^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*$/;
/** A service name as used in topic names: lowercase, digits, dashes, underscores. */
const SERVICE_NAME = /^[a-z][a-z0-9_-]{0,62}$/;

export const IntegrationEvent = z.object({
  // z.guid, not z.uuid: PostgreSQL's uuid type accepts any 8-4-4-4-12 hex value, and a stored
  // event that fails a stricter version/variant check would become a message nobody can deliver.
  eventId: z.guid(),
  type: z.string().regex(EVENT_TYPE, 'type must look like "<context>.<EventName>"'),
  schemaVersion: z.number().int().min(1).max(1000),
  aggregateId: z.string().min(1).max(200),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(200).optional(),
  causationId: z.string().min(1).max(200).optional(),
  // Plain JSON only: money travels as decimal strings, never bigint or float.
  data: z.record(z.string(), z.json()),
});
export type IntegrationEvent = z.infer<typeof IntegrationEvent>;

/**
 * What a mapper sees of a stored domain event: the event store's RecordedEvent, described
 * structurally because contracts depend on nothing but zod (module boundaries).
 */
export interface SourceEvent {
  eventId: string;
  type: string;
  data: unknown;
  metadata: { correlationId?: string; causationId?: string; [key: string]: unknown };
  streamId: string;
  streamVersion: number;
  recordedAt: Date;
}

/** Maps a stored domain event to its integration event; `null` = internal, not published. */
export type IntegrationEventMapper<E extends SourceEvent = SourceEvent> = (event: E) => IntegrationEvent | null;

/** The fields a mapper chooses; the rest is carried over from the recorded event. */
export interface IntegrationEventShape {
  type: string;
  schemaVersion: number;
  aggregateId: string;
  data: IntegrationEvent['data'];
  /** business time when the domain event carries one; defaults to when it was recorded. */
  occurredAt?: string;
}

/**
 * Builds an envelope from a recorded event. The integration event reuses the domain event's id so
 * a re-published event (relay retry, DLQ replay) is recognised by every consumer's inbox.
 */
export function integrationEventFrom(recorded: SourceEvent, shape: IntegrationEventShape): IntegrationEvent {
  const { correlationId, causationId } = recorded.metadata;
  return {
    eventId: recorded.eventId,
    type: shape.type,
    schemaVersion: shape.schemaVersion,
    aggregateId: shape.aggregateId,
    occurredAt: shape.occurredAt ?? recorded.recordedAt.toISOString(),
    ...(typeof correlationId === 'string' && correlationId !== '' ? { correlationId } : {}),
    ...(typeof causationId === 'string' && causationId !== '' ? { causationId } : {}),
    data: shape.data,
  };
}

/** The topic a service publishes its integration events to. */
export function topicFor(service: string): string {
  if (!SERVICE_NAME.test(service)) throw new Error(`invalid service name "${service}"`);
  return `${service}.events.v1`;
}

/** Where messages of `topic` go after a consumer gave up on them. */
export function dlqTopicFor(topic: string): string {
  if (topic === '' || topic.endsWith('.dlq')) throw new Error(`invalid topic for a DLQ "${topic}"`);
  return `${topic}.dlq`;
}
