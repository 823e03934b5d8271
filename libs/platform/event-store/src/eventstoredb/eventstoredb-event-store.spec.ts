// What the EventStoreDB adapter decides before talking to a server: mapping and refusals. (Its
// behaviour against a real server is the contract suite, run when EVENTSTORE_CONNECTION_STRING is set.)
import { randomUUID } from 'node:crypto';
import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { UnsupportedByAdapterError } from '../validation.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { toEventData, toExpectedRevision, toReadPosition, toRecordedEvent } from './mapping.js';

describe('EventStoreDB mapping', () => {
  test('checkpoints are $all positions: transactionId = commit, position = prepare; START = start', () => {
    expect(toReadPosition({ transactionId: 0n, position: 0n })).toBe('start');
    expect(toReadPosition({ transactionId: 10n, position: 9n })).toEqual({ commit: 10n, prepare: 9n });
  });

  test('expected versions', () => {
    expect(toExpectedRevision(4)).toBe(4n);
    expect(toExpectedRevision(-1)).toBe('no_stream');
    expect(toExpectedRevision('no_stream')).toBe('no_stream');
    expect(toExpectedRevision('stream_exists')).toBe('stream_exists');
    expect(toExpectedRevision('any')).toBe('any');
  });

  test('event data and metadata go through the bigint codec both ways', () => {
    const eventId = randomUUID();
    const data = toEventData({ eventId, type: 'Charged', data: { amountMicros: 2n ** 70n }, metadata: { actor: 'system' } });
    expect(data).toMatchObject({ id: eventId, contentType: 'application/json', type: 'Charged', data: { amountMicros: { $bigint: '1180591620717411303424' } } });
    const resolved = {
      event: {
        streamId: 'wallet-1',
        id: eventId,
        isJson: true,
        revision: 3n,
        type: 'Charged',
        created: new Date(0),
        data: data.data,
        metadata: { actor: 'system' },
        position: { commit: 100n, prepare: 99n },
      },
    } as unknown as AllStreamResolvedEvent;
    expect(toRecordedEvent(resolved)).toEqual({
      eventId,
      type: 'Charged',
      data: { amountMicros: 2n ** 70n },
      metadata: { actor: 'system' },
      streamId: 'wallet-1',
      streamVersion: 3,
      checkpoint: { transactionId: 100n, position: 99n },
      recordedAt: new Date(0),
    });
  });

  test('system records are not user events', () => {
    const base = { id: randomUUID(), isJson: true, revision: 0n, created: new Date(0), data: {}, metadata: undefined };
    expect(toRecordedEvent({ event: { ...base, streamId: '$snapshot-x', type: '$snapshot' } } as unknown as AllStreamResolvedEvent)).toBeUndefined();
    expect(toRecordedEvent({ event: { ...base, streamId: 'x', type: '$metadata' } } as unknown as AllStreamResolvedEvent)).toBeUndefined();
  });

  test('event data must be an object, array or string', () => {
    expect(() => toEventData({ eventId: randomUUID(), type: 'T', data: 5 })).toThrow('needs an object, array or string');
  });
});

describe('EventStoreDB adapter refusals (no server needed)', () => {
  let store: EventStoreDbEventStore;
  beforeAll(async () => {
    // The client connects lazily: nothing is sent to this address by these tests.
    store = await EventStoreDbEventStore.connect({ connectionString: 'esdb://127.0.0.1:1?tls=false' });
  });
  afterAll(async () => {
    await store.close();
  });

  const event = () => ({ eventId: randomUUID(), type: 'T', data: {} });

  test('appendMulti over two streams: no cross-stream transaction in EventStoreDB', async () => {
    const appends = ['a', 'b'].map((streamId) => ({ streamId, events: [event()], expectedVersion: 'any' as const }));
    await expect(store.appendMulti(appends)).rejects.toThrow(UnsupportedByAdapterError);
    expect(await store.appendMulti([])).toEqual({ results: [], duplicateInbox: false });
  });

  test('an inbox entry cannot be recorded atomically', async () => {
    await expect(store.append('s', [event()], 'any', { inbox: { consumer: 'c', messageId: 'm' } })).rejects.toThrow(UnsupportedByAdapterError);
  });

  test('$-streams are reserved', async () => {
    await expect(store.append('$snapshot-x', [event()], 'any')).rejects.toThrow('reserved');
  });
});
