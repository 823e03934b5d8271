// Contract cases for AggregateRepository on a real store: snapshot-bounded loads, retries on a
// concurrent writer, deterministic ids for a repeated command.
import { fold, type Decider } from '@billing/decider';
import { AggregateRepository } from '../aggregate/aggregate-repository.js';
import { WrongExpectedVersionError, type EventStore } from '../port.js';
import { CASE_TIMEOUT_MS, event, streamId, type HarnessRef } from './fixtures.js';

/** 10 000 appends and loads: generous for a busy CI machine. */
const LONG_CASE_TIMEOUT_MS = 120_000;

type CounterEvent = { type: 'Added'; amountMicros: bigint };
type CounterCommand = { type: 'Add'; amountMicros: bigint; times: number };
type Counter = { totalMicros: bigint; additions: number };

const counter: Decider<CounterCommand, CounterEvent, Counter> = {
  initialState: () => ({ totalMicros: 0n, additions: 0 }),
  decide: (command) => Array.from({ length: command.times }, () => ({ type: 'Added', amountMicros: command.amountMicros })),
  evolve: (state, e) => ({ totalMicros: state.totalMicros + e.amountMicros, additions: state.additions + 1 }),
};

const add = (amountMicros: bigint, times = 1): CounterCommand => ({ type: 'Add', amountMicros, times });
const meta = { metadata: { actor: 'system' } };

/** A store whose every append is preceded by a competing writer on the same stream. */
function contended(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: Parameters<EventStore['append']>) => {
        await target.append(args[0], [event('Added', { type: 'Added', amountMicros: 1n })], 'any');
        return target.append(...args);
      };
    },
  });
}

export function registerAggregateContract(h: HarnessRef): void {
  test('AggregateRepository loads a 10 000-event stream from its snapshot, reading only the events after it', async () => {
    const s = streamId('aggregate-10k');
    const repository = new AggregateRepository(h().store, counter, { snapshotEvery: 1000, schemaVersion: 1, maxRetries: 0 });
    const amount = 1_000_003n;
    for (let i = 0; i < 100; i += 1) await repository.handle(s, add(amount, 100), meta);
    const last = await repository.handle(s, add(amount, 37), meta);
    expect(last.nextExpectedVersion).toBe(10_036);

    const loaded = await repository.load(s);
    expect(loaded.snapshotVersion).toBe(9_999);
    expect(loaded.eventsRead).toBe(37);
    expect(loaded.version).toBe(10_036);
    expect(loaded.state).toEqual({ totalMicros: amount * 10_037n, additions: 10_037 });

    // The snapshot is right: folding the whole stream gives the same state.
    const all = await h().store.readStream(s);
    expect(all).toHaveLength(10_037);
    expect(fold(counter, counter.initialState(), all.map((e) => e.data as CounterEvent))).toEqual(loaded.state);

    // Without snapshots the same load reads everything.
    const plain = await new AggregateRepository(h().store, counter, { maxRetries: 0, pageSize: 5000 }).load(s);
    expect(plain.eventsRead).toBe(10_037);
  }, LONG_CASE_TIMEOUT_MS);

  test('AggregateRepository retries on a concurrent writer until it wins', async () => {
    const s = streamId('aggregate-race');
    const repository = new AggregateRepository(h().store, counter, { maxRetries: 20 });
    const results = await Promise.all(Array.from({ length: 8 }, () => repository.handle(s, add(5n), meta)));
    expect((await repository.load(s)).state).toEqual({ totalMicros: 40n, additions: 8 });
    expect(results.some((r) => r.attempts > 1)).toBe(true);
  }, CASE_TIMEOUT_MS);

  test('AggregateRepository gives up with WrongExpectedVersionError after maxRetries', async () => {
    const s = streamId('aggregate-contended');
    const repository = new AggregateRepository(contended(h().store), counter, { maxRetries: 2 });
    await expect(repository.handle(s, add(5n), meta)).rejects.toBeInstanceOf(WrongExpectedVersionError);
    // three attempts, each preceded by one competing event, none of ours landed
    expect((await h().store.readStream(s)).map((e) => (e.data as CounterEvent).amountMicros)).toEqual([1n, 1n, 1n]);
  }, CASE_TIMEOUT_MS);

  test('a repeated command (same command id) appends nothing new', async () => {
    const s = streamId('aggregate-idempotent');
    const repository = new AggregateRepository(h().store, counter, { maxRetries: 3 });
    const first = await repository.handle(s, add(7n, 2), { ...meta, commandId: 'cmd-1' });
    expect(first.writtenCount).toBe(2);
    // Two deliveries racing and one later retry: the same ids every time, stored once.
    const repeats = await Promise.all([1, 2].map(() => repository.handle(s, add(7n, 2), { ...meta, commandId: 'cmd-1' })));
    const late = await repository.handle(s, add(7n, 2), { ...meta, commandId: 'cmd-1' });
    expect([...repeats, late].map((r) => r.writtenCount)).toEqual([0, 0, 0]);
    expect(late.state).toEqual({ totalMicros: 14n, additions: 2 });
    const other = await repository.handle(s, add(7n, 2), { ...meta, commandId: 'cmd-2' });
    expect(other.writtenCount).toBe(2);
    expect(await h().store.readStream(s)).toHaveLength(4);
  }, CASE_TIMEOUT_MS);
}
