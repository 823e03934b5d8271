// The EventStore contract (docs/ARCHITECTURE.md, Event store): every adapter runs this same suite against a real server.
//   describeEventStoreContract('PostgreSQL', factory, { atomicMultiStream: true, inbox: true });
// Cases an adapter cannot honour (capabilities false) are replaced by a test that the adapter
// refuses them loudly. Test-only (uses Jest globals): import from @billing/decider/testing.
import { UnsupportedByAdapterError } from '../validation.js';
import { WrongExpectedVersionError, compareCheckpoints, type AppendResult, type RecordedEvent } from '../port.js';
import { registerAggregateContract } from './aggregate.contract.js';
import { CASE_TIMEOUT_MS, event, events, idsOf, readAllUntil, streamId, type ContractCapabilities, type ContractHarness, type HarnessFactory } from './fixtures.js';
import { registerSubscriptionContract } from './subscription.contract.js';

export type { ContractCapabilities, ContractHarness, HarnessFactory } from './fixtures.js';

export interface ContractOptions {
  /** when set, every case is registered as skipped and the reason is printed (console.warn). */
  skipReason?: string;
}

const CONCURRENT_APPENDERS = 20;

function wrongVersion(result: PromiseSettledResult<AppendResult>): boolean {
  return result.status === 'rejected' && result.reason instanceof WrongExpectedVersionError;
}

export function describeEventStoreContract(name: string, factory: HarnessFactory, capabilities: ContractCapabilities, options: ContractOptions = {}): void {
  const title = `${name} event store contract`;
  if (options.skipReason !== undefined) console.warn(`${title} skipped: ${options.skipReason}`);
  const describeOrSkip = options.skipReason === undefined ? describe : describe.skip;

  describeOrSkip(title, () => {
    let harness: ContractHarness | undefined;
    const h = (): ContractHarness => {
      if (harness === undefined) throw new Error('harness not created (beforeAll failed?)');
      return harness;
    };
    beforeAll(async () => {
      harness = await factory();
    }, CASE_TIMEOUT_MS);
    afterAll(async () => {
      await harness?.teardown();
    }, CASE_TIMEOUT_MS);

    test('appends and reads a stream back with versions from 0 and bigints exact', async () => {
      const s = streamId('roundtrip');
      const data = { amountMicros: 2n ** 80n + 1n, refundMicros: -12_345_678_901_234_567_890n, nested: [{ feeMicros: 0n }], note: 'ok' };
      const written = [event('Deposited', data, { correlationId: 'c-1', actor: 'admin:1' }), event('Noted', { text: 'ü' }), event('Noted', [1, 'two'])];
      const result = await h().store.append(s, written, 'no_stream');
      expect(result).toEqual({ streamId: s, nextExpectedVersion: 2, writtenCount: 3 });
      const read = await h().store.readStream(s);
      expect(read.map((e) => e.streamVersion)).toEqual([0, 1, 2]);
      expect(idsOf(read)).toEqual(idsOf(written));
      expect(read.map((e) => e.type)).toEqual(['Deposited', 'Noted', 'Noted']);
      expect(read[0]?.data).toEqual(data);
      expect(read[0]?.metadata).toEqual({ correlationId: 'c-1', actor: 'admin:1' });
      expect(read[2]?.data).toEqual([1, 'two']);
      expect(read.every((e) => e.streamId === s && e.recordedAt instanceof Date)).toBe(true);
    }, CASE_TIMEOUT_MS);

    test('expected version: exact number, no_stream, stream_exists, any', async () => {
      const { store } = h();
      const s = streamId('expected');
      await expect(store.append(s, [event('A')], 'stream_exists')).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: -1 });
      await expect(store.append(s, [event('A')], 3)).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.append(s, [event('A')], 'no_stream')).nextExpectedVersion).toBe(0);
      await expect(store.append(s, [event('A')], 'no_stream')).rejects.toMatchObject({ streamId: s, expected: 'no_stream', actual: 0 });
      expect((await store.append(s, [event('A')], 0)).nextExpectedVersion).toBe(1);
      await expect(store.append(s, [event('A')], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
      expect((await store.append(s, [event('A')], 'stream_exists')).nextExpectedVersion).toBe(2);
      expect((await store.append(s, [event('A')], 'any')).nextExpectedVersion).toBe(3);
      // -1 (what an empty stream reports) is accepted as no_stream.
      expect((await store.append(streamId('minus-one'), [event('A')], -1)).nextExpectedVersion).toBe(0);
      expect(await store.readStream(s)).toHaveLength(4);
    }, CASE_TIMEOUT_MS);

    test(`${CONCURRENT_APPENDERS} concurrent appenders with the same expected version: exactly one wins`, async () => {
      const { store } = h();
      const s = streamId('race');
      await store.append(s, [event('Opened')], 'no_stream');
      const settled = await Promise.allSettled(Array.from({ length: CONCURRENT_APPENDERS }, () => store.append(s, [event('Raced')], 0)));
      expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(settled.filter(wrongVersion)).toHaveLength(CONCURRENT_APPENDERS - 1);
      expect(await store.readStream(s)).toHaveLength(2);
    }, CASE_TIMEOUT_MS);

    test(`${CONCURRENT_APPENDERS} concurrent creators with no_stream: exactly one wins`, async () => {
      const { store } = h();
      const s = streamId('create-race');
      const settled = await Promise.allSettled(Array.from({ length: CONCURRENT_APPENDERS }, () => store.append(s, [event('Created')], 'no_stream')));
      expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(settled.filter(wrongVersion)).toHaveLength(CONCURRENT_APPENDERS - 1);
      expect(await store.readStream(s)).toHaveLength(1);
    }, CASE_TIMEOUT_MS);

    test(`${CONCURRENT_APPENDERS} concurrent appenders with any: all land, versions contiguous`, async () => {
      const { store } = h();
      const s = streamId('any-race');
      const results = await Promise.all(Array.from({ length: CONCURRENT_APPENDERS }, () => store.append(s, [event('Any')], 'any')));
      const versions = results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: CONCURRENT_APPENDERS }, (_, i) => i));
      expect((await store.readStream(s)).map((e) => e.streamVersion)).toEqual(versions);
    }, CASE_TIMEOUT_MS);

    test('the same event id appended twice is stored once; new ids in the batch still land', async () => {
      const { store } = h();
      const s = streamId('dedupe');
      const first = event('Charged', { amountMicros: 10n });
      await store.append(s, [first], 'no_stream');
      const again = await store.append(s, [first], 'any');
      expect(again).toEqual({ streamId: s, nextExpectedVersion: 0, writtenCount: 0 });
      const second = event('Charged', { amountMicros: 20n });
      const mixed = await store.append(s, [first, second], 0);
      expect(mixed).toEqual({ streamId: s, nextExpectedVersion: 1, writtenCount: 1 });
      const read = await store.readStream(s);
      expect(idsOf(read)).toEqual([first.eventId, second.eventId]);
    }, CASE_TIMEOUT_MS);

    test('a repeated append whose events are all stored succeeds without writing, even with a stale expected version', async () => {
      const { store } = h();
      const s = streamId('retry');
      const command = [event('Opened'), event('Funded', { amountMicros: 5n })];
      await store.append(s, command, 'no_stream');
      await store.append(s, [event('Later')], 1);
      const retried = await store.append(s, command, 'no_stream');
      expect(retried).toEqual({ streamId: s, nextExpectedVersion: 2, writtenCount: 0 });
      expect(await store.readStream(s)).toHaveLength(3);
    }, CASE_TIMEOUT_MS);

    test('readStream from a version, with and without maxCount', async () => {
      const { store } = h();
      const s = streamId('from');
      await store.append(s, events(10), 'no_stream');
      expect((await store.readStream(s, 4)).map((e) => e.streamVersion)).toEqual([4, 5, 6, 7, 8, 9]);
      expect((await store.readStream(s, 4, 3)).map((e) => e.streamVersion)).toEqual([4, 5, 6]);
      expect(await store.readStream(s, 10)).toEqual([]);
      expect(await store.readStream(streamId('missing'))).toEqual([]);
    }, CASE_TIMEOUT_MS);

    test('readAll pages through new events strictly after the checkpoint, in commit order', async () => {
      const { store } = h();
      const from = await h().headCheckpoint();
      const streams = [streamId('all-a'), streamId('all-b'), streamId('all-c')];
      const appended: string[] = [];
      for (let round = 0; round < 4; round += 1) {
        for (const s of streams) {
          const batch = [event('Seen', { round })];
          await store.append(s, batch, 'any');
          appended.push(...idsOf(batch));
        }
      }
      const ours = (e: RecordedEvent): boolean => streams.includes(e.streamId);
      const { events: read, checkpoints, last } = await readAllUntil(store, from, 5, ours, appended.length);
      expect(idsOf(read)).toEqual(appended);
      for (let i = 1; i < checkpoints.length; i += 1) expect(compareCheckpoints(checkpoints[i - 1]!, checkpoints[i]!)).toBe(-1);
      expect(compareCheckpoints(checkpoints[0]!, from)).toBe(1);
      expect((await store.readAll(last, 100)).events.filter(ours)).toEqual([]);
    }, CASE_TIMEOUT_MS);

    test('snapshots: saved, loaded by schema version, only moved forward, bigints exact', async () => {
      const { store } = h();
      const s = streamId('snapshot');
      await store.append(s, events(5), 'no_stream');
      expect(await store.loadSnapshot(s, 1)).toBeUndefined();
      await store.saveSnapshot({ streamId: s, version: 3, schemaVersion: 1, state: { balanceMicros: 2n ** 70n, holds: [1n, -2n] } });
      expect(await store.loadSnapshot(s, 1)).toEqual({ streamId: s, version: 3, schemaVersion: 1, state: { balanceMicros: 2n ** 70n, holds: [1n, -2n] } });
      expect(await store.loadSnapshot(s, 2)).toBeUndefined();
      await store.saveSnapshot({ streamId: s, version: 2, schemaVersion: 1, state: { stale: true } });
      expect((await store.loadSnapshot<{ stale?: boolean }>(s, 1))?.version).toBe(3);
      await store.saveSnapshot({ streamId: s, version: 4, schemaVersion: 1, state: { newer: true } });
      expect(await store.loadSnapshot(s, 1)).toMatchObject({ version: 4, state: { newer: true } });
      // A newer state shape replaces the old one; the old shape is then gone.
      await store.saveSnapshot({ streamId: s, version: 1, schemaVersion: 2, state: { shape: 2 } });
      expect(await store.loadSnapshot(s, 2)).toMatchObject({ version: 1, state: { shape: 2 } });
      expect(await store.loadSnapshot(s, 1)).toBeUndefined();
    }, CASE_TIMEOUT_MS);

    if (capabilities.atomicMultiStream) {
      test('appendMulti is atomic: all streams land together, one conflict and nothing is written', async () => {
        const { store } = h();
        const [a, b] = [streamId('multi-a'), streamId('multi-b')];
        const ok = await store.appendMulti([
          { streamId: a, events: [event('Debited', { amountMicros: -5n })], expectedVersion: 'no_stream' },
          { streamId: b, events: [event('Credited', { amountMicros: 5n })], expectedVersion: 'no_stream' },
        ]);
        expect(ok.results.map((r) => [r.streamId, r.nextExpectedVersion, r.writtenCount])).toEqual([[a, 0, 1], [b, 0, 1]]);
        const conflicting = store.appendMulti([
          { streamId: a, events: [event('Debited')], expectedVersion: 0 },
          { streamId: b, events: [event('Credited')], expectedVersion: 7 },
        ]);
        await expect(conflicting).rejects.toMatchObject({ name: 'WrongExpectedVersionError', streamId: b, actual: 0 });
        expect(await store.readStream(a)).toHaveLength(1);
        expect(await store.readStream(b)).toHaveLength(1);
      }, CASE_TIMEOUT_MS);
    } else {
      test('appendMulti over several streams is refused (no cross-stream atomicity)', async () => {
        const appends = [
          { streamId: streamId('multi-a'), events: [event('A')], expectedVersion: 'any' as const },
          { streamId: streamId('multi-b'), events: [event('B')], expectedVersion: 'any' as const },
        ];
        await expect(h().store.appendMulti(appends)).rejects.toBeInstanceOf(UnsupportedByAdapterError);
        expect(await h().store.readStream(appends[0]!.streamId)).toEqual([]);
      }, CASE_TIMEOUT_MS);
    }

    if (capabilities.inbox) {
      test('an inbox entry is recorded with the append; a redelivery writes nothing', async () => {
        const { store } = h();
        const s = streamId('inbox');
        const inbox = { consumer: 'wallet-from-rating', messageId: `m-${s}` };
        const first = await store.append(s, [event('Charged')], 'any', { inbox });
        expect(first).toEqual({ streamId: s, nextExpectedVersion: 0, writtenCount: 1 });
        const again = await store.append(s, [event('Charged')], 'any', { inbox });
        expect(again).toMatchObject({ streamId: s, nextExpectedVersion: 0, writtenCount: 0, duplicateInbox: true });
        const multi = await store.appendMulti([{ streamId: s, events: [event('Charged')], expectedVersion: 'any' }], { inbox });
        expect(multi.duplicateInbox).toBe(true);
        expect(await store.readStream(s)).toHaveLength(1);
        // A conflict rolls the inbox entry back too: the message can be handled again.
        const other = { consumer: 'wallet-from-rating', messageId: `m2-${s}` };
        await expect(store.append(s, [event('Charged')], 5, { inbox: other })).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect((await store.append(s, [event('Charged')], 0, { inbox: other })).writtenCount).toBe(1);
      }, CASE_TIMEOUT_MS);
    } else {
      test('an inbox entry on append is refused (no transaction to record it in)', async () => {
        const s = streamId('inbox');
        await expect(h().store.append(s, [event('A')], 'any', { inbox: { consumer: 'c', messageId: 'm' } })).rejects.toBeInstanceOf(UnsupportedByAdapterError);
        expect(await h().store.readStream(s)).toEqual([]);
      }, CASE_TIMEOUT_MS);
    }

    registerSubscriptionContract(h);
    registerAggregateContract(h);
  });
}
