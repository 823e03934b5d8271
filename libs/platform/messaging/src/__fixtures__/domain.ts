// A tiny producing domain for the tests: `Deposited` events on `acct-<n>` streams are published
// as `test.Deposited`; `Audited` events are internal (the mapper returns null).
import { randomUUID } from 'node:crypto';
import { integrationEventFrom, type IntegrationEventMapper } from '@billing/contracts';
import type { NewEvent } from '@billing/event-store';

export const mapper: IntegrationEventMapper = (event) => {
  if (event.type !== 'Deposited') return null;
  const data = event.data as { amount: string };
  return integrationEventFrom(event, {
    type: 'test.Deposited',
    schemaVersion: 1,
    aggregateId: event.streamId,
    data: { amount: data.amount },
  });
};

export function deposited(amount = '1.000000', metadata: NewEvent['metadata'] = {}): NewEvent {
  return { eventId: randomUUID(), type: 'Deposited', data: { amount }, metadata };
}

export function audited(): NewEvent {
  return { eventId: randomUUID(), type: 'Audited', data: {} };
}

/** Appends `count` Deposited events spread over `accounts` streams; returns their ids in order. */
export async function appendDeposits(
  store: { append(streamId: string, events: readonly NewEvent[], expected: 'any'): Promise<unknown> },
  count: number,
  accounts = 4,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const event = deposited(`${i}.000000`);
    await store.append(`acct-${i % accounts}`, [event], 'any');
    ids.push(event.eventId);
  }
  return ids;
}
