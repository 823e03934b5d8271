// Dead letters of the in-process transport. There is no DLQ topic in standalone mode, so a message
// given up on is appended to a stream of the consuming service's own event store: durable, visible,
// and replayable with the same inbox dedupe as everything else.
import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@billing/contracts';
import type { EventStore, RecordedEvent } from '@billing/event-store';

export const DEAD_LETTERED = 'DeadLettered';

export interface DeadLetter {
  group: string;
  topic: string;
  event: IntegrationEvent;
  error: string;
  attempts: number;
  failedAt: string;
}

export function deadLetterStream(group: string): string {
  return `dead-letters-${group}`;
}

export async function recordDeadLetter(store: Pick<EventStore, 'append'>, letter: DeadLetter): Promise<void> {
  await store.append(deadLetterStream(letter.group), [{ eventId: randomUUID(), type: DEAD_LETTERED, data: letter }], 'any');
}

/** Oldest first, at most `limit`. */
export async function listDeadLetters(
  store: Pick<EventStore, 'readStream'>,
  group: string,
  limit = 1_000,
): Promise<DeadLetter[]> {
  if (!(limit >= 1 && limit <= 100_000)) throw new Error(`limit out of range: ${limit}`);
  const events = await store.readStream(deadLetterStream(group), 0, limit);
  return events.filter((e: RecordedEvent) => e.type === DEAD_LETTERED).map((e) => e.data as DeadLetter);
}
