// One append = one call of the append function (append-function.ts, where the algorithm and its
// locks are described), sent as a named statement so PostgreSQL parses and plans it once per
// connection. This side validates and encodes before any I/O, sorts the streams into lock order,
// and turns the function's outcome rows and errors into the port's results and typed errors.
import type pg from 'pg';
import { encodeJson } from '../json-codec.js';
import { WrongExpectedVersionError, type AppendOptions, type AppendResult, type MultiAppendResult, type StreamAppend } from '../port.js';
import { assertValidAppends, normalizeExpectedVersion } from '../validation.js';
import { appendCallText, SQLSTATE_VERSION_OVERFLOW, SQLSTATE_WRONG_VERSION, type AppendRow } from './append-function.js';
import { assertInboxEntry, markInbox } from './inbox.js';
import { CONSTRAINT, sqlState, violatedConstraint } from './pg-errors.js';
import type { SchemaNames } from './schema-names.js';

export interface AppendMode {
  /**
   * true: the statement is its own transaction, and a conflict raises so that streams already
   * written roll back with it. false: inside the caller's transaction; a conflict is reported
   * without aborting it (the caller gets the typed error and must roll back).
   */
  atomic: boolean;
  /** pg_notify this channel inside the transaction when something was written; null: the caller notifies. */
  notifyChannel: string | null;
}

export const writtenCount = (result: MultiAppendResult): number => result.results.reduce((sum, r) => sum + r.writtenCount, 0);

function lockOrder(appends: readonly StreamAppend[]): StreamAppend[] {
  return [...appends].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

function callValues(ordered: readonly StreamAppend[], options: AppendOptions | undefined, mode: AppendMode): unknown[] {
  const events = ordered.flatMap((append) => append.events);
  return [
    ordered.map((append) => String(normalizeExpectedVersion(append.expectedVersion))),
    ordered.map((append) => append.events.length),
    events.map((event) => event.eventId),
    events.map((event) => event.type),
    events.map((event) => encodeJson(event.data)),
    events.map((event) => encodeJson(event.metadata ?? {})),
    options?.inbox?.consumer ?? null,
    options?.inbox?.messageId ?? null,
    mode.atomic,
    mode.notifyChannel,
  ];
}

function parseDetail(error: unknown): { index?: unknown; actual?: unknown } {
  const detail = (error as { detail?: unknown }).detail;
  try {
    return typeof detail === 'string' ? (JSON.parse(detail) as { index?: unknown; actual?: unknown }) : {};
  } catch {
    return {};
  }
}

/** The port's typed errors for what the function raised; anything else is rethrown as it is. */
function translateError(error: unknown, ordered: readonly StreamAppend[], n: SchemaNames): unknown {
  const code = sqlState(error);
  if (code === SQLSTATE_WRONG_VERSION || code === SQLSTATE_VERSION_OVERFLOW) {
    const { index, actual } = parseDetail(error);
    const append = typeof index === 'number' ? ordered[index] : undefined;
    if (append === undefined) return error;
    if (code === SQLSTATE_VERSION_OVERFLOW) return new Error(`stream ${append.streamId} would exceed the int4 version range`);
    return new WrongExpectedVersionError(append.streamId, append.expectedVersion, typeof actual === 'number' ? actual : -1);
  }
  if (violatedConstraint(error) === CONSTRAINT.STREAM_VERSION) {
    // Unreachable while every writer goes through the locked streams row; if someone bypassed it,
    // the unique (stream_id, stream_version) still refuses the second writer, as a typed conflict.
    const detail = String((error as { detail?: unknown }).detail ?? '');
    const taken = /=\((.*), (\d+)\) already exists/s.exec(detail);
    const append = ordered.find((a) => a.streamId === taken?.[1]) ?? ordered.find((a) => a.events.length > 0);
    if (append !== undefined) return new WrongExpectedVersionError(append.streamId, append.expectedVersion, taken ? Number(taken[2]) : -1);
  }
  if (code === '42883' && error instanceof Error && error.message.includes('append_events_v1')) {
    return new Error(`schema ${n.schema} has no ${n.appendFunction}: open the store once with migrate (the default) to upgrade it`, { cause: error });
  }
  return error;
}

function toResults(rows: readonly AppendRow[], ordered: readonly StreamAppend[], appends: readonly StreamAppend[]): MultiAppendResult {
  if (rows.length > ordered.length) throw new Error(`append function returned ${rows.length} rows for ${ordered.length} streams`);
  const byStream = new Map<string, AppendResult>();
  let duplicateInbox = false;
  rows.forEach((row, index) => {
    const append = ordered[index]!;
    if (row.r_status === 'conflict') throw new WrongExpectedVersionError(append.streamId, append.expectedVersion, row.r_version);
    if (row.r_status === 'overflow') throw new Error(`stream ${append.streamId} would exceed the int4 version range`);
    duplicateInbox ||= row.r_status === 'inbox_seen';
    byStream.set(append.streamId, { streamId: append.streamId, nextExpectedVersion: row.r_version, writtenCount: row.r_written });
  });
  const results = appends.map((append) => {
    const result = byStream.get(append.streamId);
    if (result === undefined) throw new Error(`no append result for stream ${append.streamId}`);
    return result;
  });
  return { results, duplicateInbox };
}

/**
 * Appends with one statement: on the pool (mode.atomic, its own transaction) or on the client of
 * an open transaction. In a transaction, on a thrown error (a WrongExpectedVersionError included)
 * the caller must roll back: an inbox row or an earlier stream may already be written.
 */
export async function appendStatement(
  db: pg.Pool | pg.ClientBase,
  n: SchemaNames,
  appends: readonly StreamAppend[],
  options: AppendOptions | undefined,
  mode: AppendMode,
): Promise<MultiAppendResult> {
  assertValidAppends(appends);
  if (options?.inbox !== undefined) assertInboxEntry(options.inbox);
  if (appends.length === 0) {
    // No stream, so no outcome row could carry "inbox seen": record the entry on its own.
    const first = options?.inbox === undefined || (await markInbox(db, n, options.inbox));
    return { results: [], duplicateInbox: !first };
  }
  const ordered = lockOrder(appends);
  const values = [ordered.map((append) => append.streamId), ...callValues(ordered, options, mode)];
  let rows: AppendRow[];
  try {
    rows = (await db.query<AppendRow>({ name: n.statements.append, text: appendCallText(n), values })).rows;
  } catch (error) {
    throw translateError(error, ordered, n);
  }
  return toResults(rows, ordered, appends);
}
