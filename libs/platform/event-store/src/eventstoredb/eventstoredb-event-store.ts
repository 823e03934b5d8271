// The EventStoreDB adapter: the same port, with the differences ESDB forces stated, not hidden:
// - appendMulti over more than one stream, and options.inbox, throw UnsupportedByAdapterError:
//   ESDB has no transaction across streams, and a "nearly atomic" emulation would lie.
// - event-id idempotency is per stream and looks at the stream's last `idempotencyWindow` events
//   (PostgreSQL: global and complete). Within that window the port's rules hold: stored ids are
//   skipped, and an append whose ids are all stored succeeds without writing, whatever its
//   expected version.
// - readAll/subscribe skip $-streams and $-typed events (system records, snapshots); a readAll
//   that scanned only such records may return no events and a moved checkpoint.
// - stream ids starting with `$` are refused (reserved for ESDB and the snapshot streams).
import { START, WrongExpectedVersionError, compareCheckpoints } from '../port.js';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedVersion,
  MultiAppendResult,
  NewEvent,
  ReadAllResult,
  RecordedEvent,
  Snapshot,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../port.js';
import { startSubscription, stopAll } from '../subscription/subscribe.js';
import { WakeHub } from '../subscription/wake-hub.js';
import {
  StreamTooLongError,
  UnsupportedByAdapterError,
  assertReadAllLimit,
  assertSnapshot,
  assertStreamId,
  assertValidAppends,
  checkExpectedVersion,
  readStreamBounds,
} from '../validation.js';
import { ESDB_ERROR, esdbErrorType, loadEsdbLibrary, type EsdbClient, type EsdbLibrary } from './esdb-library.js';
import { liveSource } from './live-source.js';
import { toCheckpoint, toEventData, toExpectedRevision, toReadPosition, toRecordedEvent, toVersion } from './mapping.js';
import { readLatestSnapshot, saveSnapshot } from './snapshots.js';

export interface EventStoreDbOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  connectionString: string;
  /** latest events of a stream checked for already-stored ids before an append (default 100; each append reads them). */
  idempotencyWindow?: number;
  /** snapshot stream = prefix + stream id (default `$snapshot-`; a $-stream needs admin rights when ACLs are on). */
  snapshotStreamPrefix?: string;
}

const DEFAULT_IDEMPOTENCY_WINDOW = 100;
const MAX_IDEMPOTENCY_WINDOW = 10_000;
/** readAll pages before it returns what it has (each page is at most limit + 1 records). */
const MAX_READ_ALL_PAGES = 20;

interface StreamTail {
  ids: Set<string>;
  /** last event's version, -1 when the stream does not exist. */
  version: number;
}

export class EventStoreDbEventStore implements EventStore {
  private readonly hub: WakeHub;
  private readonly live = new Set<Subscription>();
  private readonly idempotencyWindow: number;
  private readonly snapshotPrefix: string;
  private closed = false;

  private constructor(
    readonly client: EsdbClient,
    library: EsdbLibrary,
    options: EventStoreDbOptions,
  ) {
    this.idempotencyWindow = options.idempotencyWindow ?? DEFAULT_IDEMPOTENCY_WINDOW;
    if (!Number.isSafeInteger(this.idempotencyWindow) || this.idempotencyWindow < 1 || this.idempotencyWindow > MAX_IDEMPOTENCY_WINDOW) {
      throw new Error(`idempotencyWindow must be 1..${MAX_IDEMPOTENCY_WINDOW}`);
    }
    this.snapshotPrefix = options.snapshotStreamPrefix ?? '$snapshot-';
    if (this.snapshotPrefix === '') throw new Error('snapshotStreamPrefix must not be empty');
    this.hub = new WakeHub(liveSource(client, library));
  }

  static async connect(options: EventStoreDbOptions): Promise<EventStoreDbEventStore> {
    const library = await loadEsdbLibrary();
    const client = library.EventStoreDBClient.connectionString(options.connectionString);
    return new EventStoreDbEventStore(client, library, options);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }

  private assertUserStream(streamId: string): void {
    assertStreamId(streamId);
    if (streamId.startsWith('$')) throw new Error(`stream id "${streamId}" starts with $: reserved for EventStoreDB system and snapshot streams`);
  }

  /** Ids of the stream's latest events (bounded window) and its current version. */
  private async tail(streamId: string): Promise<StreamTail> {
    const ids = new Set<string>();
    let version = -1;
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: this.idempotencyWindow })) {
        const event = resolved.event;
        if (event === undefined) continue;
        if (version === -1) version = toVersion(event.revision);
        ids.add(event.id.toLowerCase());
      }
    } catch (error) {
      if (esdbErrorType(error) === ESDB_ERROR.STREAM_NOT_FOUND) return { ids, version: -1 };
      throw error;
    }
    return { ids, version };
  }

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    if (options?.inbox !== undefined) {
      throw new UnsupportedByAdapterError('EventStoreDB cannot record an inbox entry atomically with an append: dedupe by deterministic event ids instead');
    }
    this.assertUserStream(streamId);
    assertValidAppends([{ streamId, events, expectedVersion }]);
    const before = await this.tail(streamId);
    if (events.length === 0) {
      checkExpectedVersion(streamId, expectedVersion, before.version);
      return { streamId, nextExpectedVersion: before.version, writtenCount: 0 };
    }
    const fresh = events.filter((event) => !before.ids.has(event.eventId.toLowerCase()));
    if (fresh.length === 0) return { streamId, nextExpectedVersion: before.version, writtenCount: 0 };
    try {
      const result = await this.client.appendToStream(streamId, fresh.map(toEventData), { expectedRevision: toExpectedRevision(expectedVersion) });
      return { streamId, nextExpectedVersion: toVersion(result.nextExpectedRevision), writtenCount: fresh.length };
    } catch (error) {
      if (esdbErrorType(error) !== ESDB_ERROR.WRONG_EXPECTED_VERSION) throw error;
      // The same events may have just been written by a concurrent delivery of the same command:
      // that is a repeat, not a conflict.
      const after = await this.tail(streamId);
      if (fresh.every((event) => after.ids.has(event.eventId.toLowerCase()))) {
        return { streamId, nextExpectedVersion: after.version, writtenCount: 0 };
      }
      throw new WrongExpectedVersionError(streamId, expectedVersion, after.version);
    }
  }

  /** One stream only (a single append); more than one throws UnsupportedByAdapterError. */
  async appendMulti(appends: readonly StreamAppend[], options?: AppendOptions): Promise<MultiAppendResult> {
    if (appends.length > 1) {
      throw new UnsupportedByAdapterError(`EventStoreDB cannot append to ${appends.length} streams atomically: append per stream, or use the PostgreSQL store`);
    }
    const only = appends[0];
    if (only === undefined) return { results: [], duplicateInbox: false };
    const result = await this.append(only.streamId, only.events, only.expectedVersion, options);
    return { results: [result], duplicateInbox: false };
  }

  async readStream(streamId: string, fromVersion?: number, maxCount?: number): Promise<RecordedEvent[]> {
    this.assertUserStream(streamId);
    const bounds = readStreamBounds(fromVersion, maxCount);
    const limit = bounds.explicit ? bounds.maxCount : bounds.maxCount + 1;
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: 'forwards', fromRevision: BigInt(bounds.fromVersion), maxCount: limit })) {
        const recorded = toRecordedEvent(resolved);
        if (recorded !== undefined) events.push(recorded);
      }
    } catch (error) {
      if (esdbErrorType(error) === ESDB_ERROR.STREAM_NOT_FOUND) return [];
      throw error;
    }
    if (events.length > bounds.maxCount) throw new StreamTooLongError(streamId, bounds.fromVersion);
    return events;
  }

  async readAll(from: Checkpoint, limit: number): Promise<ReadAllResult> {
    assertReadAllLimit(limit);
    const events: RecordedEvent[] = [];
    let cursor = from;
    for (let page = 0; page < MAX_READ_ALL_PAGES && events.length < limit; page += 1) {
      // +1: a read from a position includes the record at that position, which we already had.
      const pageSize = limit - events.length + 1;
      let records = 0;
      for await (const resolved of this.client.readAll({ direction: 'forwards', fromPosition: toReadPosition(cursor), maxCount: pageSize })) {
        records += 1;
        const position = resolved.event?.position;
        if (position === undefined) continue;
        const checkpoint = toCheckpoint(position);
        if (compareCheckpoints(checkpoint, cursor) <= 0) continue;
        cursor = checkpoint;
        const recorded = toRecordedEvent(resolved);
        if (recorded !== undefined) events.push(recorded);
        if (events.length === limit) break;
      }
      if (records < pageSize) break; // end of the log
    }
    return { events, checkpoint: cursor };
  }

  /** Position of the newest record in $all: subscribe from it to see only what comes next. */
  async headCheckpoint(): Promise<Checkpoint> {
    for await (const resolved of this.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })) {
      if (resolved.event?.position !== undefined) return toCheckpoint(resolved.event.position);
    }
    return START;
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    return startSubscription((from, limit) => this.readAll(from, limit), options, this.hub, this.live);
  }

  private snapshotStream(streamId: string): string {
    this.assertUserStream(streamId);
    return `${this.snapshotPrefix}${streamId}`;
  }

  saveSnapshot(snapshot: Snapshot): Promise<void> {
    assertSnapshot(snapshot);
    return saveSnapshot(this.client, this.snapshotStream(snapshot.streamId), snapshot);
  }

  async loadSnapshot<State>(streamId: string, schemaVersion: number): Promise<Snapshot<State> | undefined> {
    const latest = await readLatestSnapshot(this.client, this.snapshotStream(streamId));
    if (latest === undefined || latest.snapshot.schemaVersion !== schemaVersion) return undefined;
    return { streamId, version: latest.snapshot.version, schemaVersion, state: latest.snapshot.state as State };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await stopAll(this.live);
    await this.hub.close();
    await this.client.dispose();
  }
}
