// The append algorithm, run inside a transaction the caller owns (the store's own, or a
// projection's/consumer's via appendInTransaction).
//
// Per stream, in stream-id order (a fixed lock order: concurrent multi-stream appends cannot
// deadlock each other):
//   1. make sure the streams row exists (INSERT … ON CONFLICT DO NOTHING; a concurrent creator
//      makes us wait for its commit), then lock it (SELECT … FOR UPDATE): appends to one stream
//      are serialised, so of N appenders with the same expected version exactly one passes.
//   2. drop events whose event_id is already stored (idempotent append). Read after the lock, so
//      a concurrent append of the same ids to this stream has committed and is seen.
//   3. if the append brought events and every one of them is already stored, it is a retry of a
//      command that already succeeded: succeed, write nothing, skip the version check (the
//      version has moved on because of that very append).
//   4. check the expected version, insert the rest at current+1…, move the streams row.
// One pg_notify per transaction wakes subscribers when it commits.
import type pg from 'pg';
import { encodeJson } from '../json-codec.js';
import { WrongExpectedVersionError, type AppendOptions, type AppendResult, type MultiAppendResult, type StreamAppend } from '../port.js';
import { assertValidAppends, checkExpectedVersion } from '../validation.js';
import { markInbox } from './inbox.js';
import { CONSTRAINT, violatedConstraint } from './pg-errors.js';
import type { SchemaNames } from './schema-names.js';

export interface AppendSettings {
  /** send pg_notify on the store's channel when something was written (default on). */
  notify: boolean;
}

async function currentVersion(client: pg.ClientBase, n: SchemaNames, streamId: string, lock: boolean): Promise<number> {
  const result = await client.query<{ version: number }>(
    `SELECT version FROM ${n.streams} WHERE stream_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [streamId],
  );
  return result.rows[0]?.version ?? -1;
}

async function storedEventIds(client: pg.ClientBase, n: SchemaNames, eventIds: string[]): Promise<Set<string>> {
  const result = await client.query<{ event_id: string }>(
    `SELECT event_id::text AS event_id FROM ${n.events} WHERE event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  return new Set(result.rows.map((row) => row.event_id));
}

async function appendOne(client: pg.ClientBase, n: SchemaNames, append: StreamAppend): Promise<AppendResult> {
  const { streamId, events, expectedVersion } = append;
  if (events.length === 0) {
    // Nothing to write: only the version check (no lock needed, nothing depends on it after).
    const version = await currentVersion(client, n, streamId, false);
    checkExpectedVersion(streamId, expectedVersion, version);
    return { streamId, nextExpectedVersion: version, writtenCount: 0 };
  }
  await client.query(`INSERT INTO ${n.streams} (stream_id, version) VALUES ($1, -1) ON CONFLICT (stream_id) DO NOTHING`, [streamId]);
  const version = await currentVersion(client, n, streamId, true);
  const stored = await storedEventIds(client, n, events.map((event) => event.eventId.toLowerCase()));
  const fresh = events.filter((event) => !stored.has(event.eventId.toLowerCase()));
  if (fresh.length === 0) return { streamId, nextExpectedVersion: version, writtenCount: 0 };
  checkExpectedVersion(streamId, expectedVersion, version);

  const nextVersion = version + fresh.length;
  if (nextVersion > 2_147_483_647) throw new Error(`stream ${streamId} would exceed the int4 version range`);
  try {
    await client.query(
      `INSERT INTO ${n.events} (stream_id, stream_version, event_id, type, data, metadata)
       SELECT $1, u.version, u.event_id, u.type, u.data::jsonb, u.metadata::jsonb
         FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS u(version, event_id, type, data, metadata)`,
      [
        streamId,
        fresh.map((_, index) => version + 1 + index),
        fresh.map((event) => event.eventId),
        fresh.map((event) => event.type),
        fresh.map((event) => encodeJson(event.data)),
        fresh.map((event) => encodeJson(event.metadata ?? {})),
      ],
    );
  } catch (error) {
    // Unreachable while every writer goes through the locked streams row; if someone bypassed it,
    // the unique (stream_id, stream_version) still refuses the second writer, as a typed conflict.
    if (violatedConstraint(error) === CONSTRAINT.STREAM_VERSION) throw new WrongExpectedVersionError(streamId, expectedVersion, version);
    throw error;
  }
  await client.query(`UPDATE ${n.streams} SET version = $2 WHERE stream_id = $1`, [streamId, nextVersion]);
  return { streamId, nextExpectedVersion: nextVersion, writtenCount: fresh.length };
}

/** Versions as they are, for the answer to an append skipped because its inbox entry existed. */
async function unchanged(client: pg.ClientBase, n: SchemaNames, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  for (const append of appends) {
    results.push({ streamId: append.streamId, nextExpectedVersion: await currentVersion(client, n, append.streamId, false), writtenCount: 0 });
  }
  return results;
}

/**
 * Appends inside the caller's open transaction. On a thrown error (a WrongExpectedVersionError
 * included) the caller must roll back: an inbox row or an earlier stream may already be written.
 */
export async function appendInTransaction(
  client: pg.ClientBase,
  n: SchemaNames,
  appends: readonly StreamAppend[],
  options: AppendOptions | undefined,
  settings: AppendSettings,
): Promise<MultiAppendResult> {
  assertValidAppends(appends);
  if (options?.inbox !== undefined && !(await markInbox(client, n, options.inbox))) {
    return { results: await unchanged(client, n, appends), duplicateInbox: true };
  }
  const byStream = new Map<string, AppendResult>();
  const lockOrder = [...appends].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  let written = 0;
  for (const append of lockOrder) {
    const result = await appendOne(client, n, append);
    byStream.set(append.streamId, result);
    written += result.writtenCount;
  }
  if (written > 0 && settings.notify) await client.query('SELECT pg_notify($1, $2)', [n.channel, '']);
  const results = appends.map((append) => {
    const result = byStream.get(append.streamId);
    if (result === undefined) throw new Error(`no append result for stream ${append.streamId}`);
    return result;
  });
  return { results, duplicateInbox: false };
}
