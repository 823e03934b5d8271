// Snapshots on EventStoreDB: the latest one per stream, in `<prefix><streamId>` (default
// `$snapshot-<streamId>`) with $maxCount 1, as one event of type `$snapshot` (a $-type, so the
// adapter's readAll and live signal never show it). Same forward-only rule as PostgreSQL.
import { randomUUID } from 'node:crypto';
import { fromJsonValue, toJsonValue } from '../json-codec.js';
import type { Snapshot } from '../port.js';
import { ESDB_ERROR, esdbErrorType, type EsdbClient } from './esdb-library.js';

export const SNAPSHOT_EVENT_TYPE = '$snapshot';
const MAX_SAVE_ATTEMPTS = 3;

interface StoredSnapshot {
  snapshot: Omit<Snapshot<unknown>, 'streamId'>;
  revision: bigint;
}

interface SnapshotBody {
  version: number;
  schemaVersion: number;
  state: unknown;
}

function isNewer(candidate: Omit<Snapshot, 'streamId'>, current: Omit<Snapshot, 'streamId'>): boolean {
  if (candidate.schemaVersion !== current.schemaVersion) return candidate.schemaVersion > current.schemaVersion;
  return candidate.version > current.version;
}

export async function readLatestSnapshot(client: EsdbClient, stream: string): Promise<StoredSnapshot | undefined> {
  try {
    for await (const resolved of client.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })) {
      const event = resolved.event;
      if (event === undefined || event.type !== SNAPSHOT_EVENT_TYPE || !event.isJson) continue;
      const body = fromJsonValue<SnapshotBody>(event.data);
      if (!Number.isSafeInteger(body.version) || !Number.isSafeInteger(body.schemaVersion)) {
        throw new Error(`malformed snapshot in ${stream} at revision ${event.revision}`);
      }
      return { snapshot: { version: body.version, schemaVersion: body.schemaVersion, state: body.state }, revision: event.revision };
    }
  } catch (error) {
    if (esdbErrorType(error) === ESDB_ERROR.STREAM_NOT_FOUND) return undefined;
    throw error;
  }
  return undefined;
}

export async function saveSnapshot(client: EsdbClient, stream: string, snapshot: Snapshot): Promise<void> {
  const body = { version: snapshot.version, schemaVersion: snapshot.schemaVersion, state: toJsonValue(snapshot.state) };
  for (let attempt = 1; attempt <= MAX_SAVE_ATTEMPTS; attempt += 1) {
    const latest = await readLatestSnapshot(client, stream);
    if (latest !== undefined && !isNewer(snapshot, latest.snapshot)) return;
    try {
      await client.appendToStream(
        stream,
        [{ id: randomUUID(), contentType: 'application/json', type: SNAPSHOT_EVENT_TYPE, data: body, metadata: undefined }],
        { expectedRevision: latest === undefined ? 'no_stream' : latest.revision },
      );
    } catch (error) {
      // Another writer saved in between: look again (theirs may be newer than ours).
      if (esdbErrorType(error) === ESDB_ERROR.WRONG_EXPECTED_VERSION && attempt < MAX_SAVE_ATTEMPTS) continue;
      throw error;
    }
    if (latest === undefined) await client.setStreamMetadata(stream, { maxCount: 1 });
    return;
  }
}
