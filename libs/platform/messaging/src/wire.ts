// The integration event on the wire: key = aggregate id (so one aggregate's events keep their order
// in one partition), value = the JSON envelope, headers for routing and tracing without parsing.
import { IntegrationEvent } from '@billing/contracts';

export const HEADERS = Object.freeze({
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
});

export interface WireMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Kafka header values as kafkajs hands them over. */
export type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/** A mapper produced something that is not a valid envelope: a bug to fix, never to skip. */
export class InvalidEnvelopeError extends Error {
  constructor(detail: string) {
    super(`invalid integration event: ${detail}`);
    this.name = 'InvalidEnvelopeError';
  }
}

export function validateEvent(candidate: unknown): IntegrationEvent {
  const parsed = IntegrationEvent.safeParse(candidate);
  if (!parsed.success) throw new InvalidEnvelopeError(summarizeIssues(parsed.error.issues));
  return parsed.data;
}

export function encodeEvent(candidate: IntegrationEvent): WireMessage {
  const event = validateEvent(candidate);
  const headers: Record<string, string> = {
    [HEADERS.eventId]: event.eventId,
    [HEADERS.eventType]: event.type,
    [HEADERS.schemaVersion]: String(event.schemaVersion),
  };
  if (event.correlationId !== undefined) headers[HEADERS.correlationId] = event.correlationId;
  if (event.causationId !== undefined) headers[HEADERS.causationId] = event.causationId;
  return { key: event.aggregateId, value: JSON.stringify(event), headers };
}

export type DecodeResult = { ok: true; event: IntegrationEvent } | { ok: false; error: string };

/** Never throws: an undecodable message is a poison message for the caller to dead-letter. */
export function decodeEvent(value: Buffer | string | null, headers: RawHeaders | undefined): DecodeResult {
  if (value === null) return { ok: false, error: 'message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (error) {
    return { ok: false, error: `value is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = IntegrationEvent.safeParse(json);
  if (!parsed.success) return { ok: false, error: `invalid integration event: ${summarizeIssues(parsed.error.issues)}` };
  // The header is what routing and the DLQ CLI read; a value that disagrees is not trustworthy.
  const headerId = headerString(headers, HEADERS.eventId);
  if (headerId !== undefined && headerId !== parsed.data.eventId) {
    return { ok: false, error: `header event-id ${headerId} differs from envelope ${parsed.data.eventId}` };
  }
  return { ok: true, event: parsed.data };
}

export function headerString(headers: RawHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

function summarizeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
