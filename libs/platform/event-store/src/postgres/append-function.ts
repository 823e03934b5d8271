// The append as one plpgsql function, installed by the migration, so an append is one round trip
// (one named, prepared statement) instead of seven or eight. It runs the same steps as before,
// with the same locks, for every stream of one append in the order given (the caller passes them
// sorted by stream id: a fixed lock order, so crossing multi-stream appends cannot deadlock):
//   1. lock the streams row (SELECT … FOR UPDATE; when missing, INSERT … ON CONFLICT DO NOTHING,
//      where a concurrent creator makes us wait for its commit): appends to one stream are
//      serialised, so of N appenders with the same expected version exactly one passes.
//   2. count the event ids already stored (idempotent append). Counted after the lock, so a
//      concurrent append of the same ids to this stream has committed and is seen.
//   3. every id stored: a retry of an append that already succeeded. Succeed, write nothing, skip
//      the version check (the version moved on because of that very append).
//   4. check the expected version, insert the fresh events at current+1…, move the streams row.
// A stream without events is only version-checked (no lock, no streams row).
//
// Outcomes, one row per stream in the order given: 'ok', 'inbox_seen' (the inbox entry existed:
// nothing written), or, when p_abort is false, 'conflict' / 'overflow' as the last row. With
// p_abort (the statement is its own transaction) those two RAISE instead, so streams written
// before the failing one are rolled back with it: multi-stream atomicity without BEGIN/COMMIT.
// Without p_abort (the caller's transaction) nothing is raised, exactly as the TypeScript
// algorithm behaved: the caller gets a typed error and must roll back.
import type { SchemaNames } from './schema-names.js';

/** Raised (p_abort) for a wrong expected version; DETAIL = {"index": stream index, "actual": version}. */
export const SQLSTATE_WRONG_VERSION = 'EV409';
/** Raised (p_abort) when a stream would pass the int4 version range; DETAIL = {"index": …}. */
export const SQLSTATE_VERSION_OVERFLOW = 'EV413';

/** Argument types, in order: the identity of the function (to_regprocedure, DROP). */
export const APPEND_FUNCTION_ARGS = 'text[], text[], integer[], uuid[], text[], text[], text[], text, text, boolean, text';

export type AppendStatus = 'ok' | 'inbox_seen' | 'conflict' | 'overflow';

export interface AppendRow {
  r_status: AppendStatus;
  r_version: number;
  r_written: number;
}

/** The statement every append sends (as a named statement: parsed and planned once per connection). */
export function appendCallText(n: SchemaNames): string {
  return `SELECT r_status, r_version, r_written FROM ${n.appendFunction}($1::text[], $2::text[], $3::integer[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text, $9::text, $10::boolean, $11::text)`;
}

/** The function body; the migration compares it with pg_proc.prosrc to replace it only when it changed. */
export function appendFunctionBody(n: SchemaNames): string {
  return `
DECLARE
  v_first integer := 1;
  v_last integer;
  v_count integer;
  v_ids uuid[];
  v_version integer;
  v_stored integer;
  v_fresh integer;
  v_expected text;
  v_written integer := 0;
  v_n integer := coalesce(cardinality(p_stream_ids), 0);
  v_versions integer[];
  v_firsts integer[];
  v_fast boolean;
BEGIN
  IF p_inbox_consumer IS NOT NULL THEN
    INSERT INTO ${n.inbox} (consumer, message_id) VALUES (p_inbox_consumer, p_inbox_message_id)
      ON CONFLICT (consumer, message_id) DO NOTHING;
    IF NOT FOUND THEN
      FOR i IN 1 .. coalesce(cardinality(p_stream_ids), 0) LOOP
        SELECT s.version INTO v_version FROM ${n.streams} s WHERE s.stream_id = p_stream_ids[i];
        r_status := 'inbox_seen'; r_version := coalesce(v_version, -1); r_written := 0;
        RETURN NEXT;
      END LOOP;
      RETURN;
    END IF;
  END IF;
  -- Fast path, set-based, for a multi-stream append (a wallet batch: up to 100 accounts): every
  -- stream has events, none of the ids is stored yet and every expected version holds. It takes
  -- the same locks in the same (sorted) order with four statements in all instead of four per
  -- stream. Anything else falls through to the loop below, which finds the locks already held.
  IF v_n > 1 AND NOT (0 = ANY (p_counts)) THEN
    INSERT INTO ${n.streams} (stream_id, version) SELECT u.id, -1 FROM unnest(p_stream_ids) AS u(id)
      ON CONFLICT (stream_id) DO NOTHING;
    SELECT array_agg(l.version ORDER BY l.ord) INTO v_versions FROM (
      SELECT s.version, u.ord FROM ${n.streams} s JOIN unnest(p_stream_ids) WITH ORDINALITY AS u(id, ord) ON s.stream_id = u.id
       ORDER BY s.stream_id FOR UPDATE OF s) l;
    v_fast := cardinality(v_versions) = v_n AND NOT EXISTS (SELECT 1 FROM ${n.events} e WHERE e.event_id = ANY (p_event_ids));
    v_firsts := array_fill(0, ARRAY[v_n]);
    FOR i IN 1 .. v_n LOOP
      EXIT WHEN NOT v_fast;
      v_expected := p_expected[i];
      v_version := v_versions[i];
      v_fast := (v_expected = 'any'
                 OR (v_expected = 'no_stream' AND v_version = -1)
                 OR (v_expected = 'stream_exists' AND v_version >= 0)
                 OR v_expected = v_version::text)
                AND v_version::bigint + p_counts[i] <= 2147483647;
      v_firsts[i] := v_first;
      v_first := v_first + p_counts[i];
    END LOOP;
    IF v_fast THEN
      INSERT INTO ${n.events} (stream_id, stream_version, event_id, type, data, metadata)
      SELECT g.stream_id, g.version, e.event_id, e.type, e.data::jsonb, e.metadata::jsonb
        FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS e(event_id, type, data, metadata, ord)
        JOIN (SELECT st.id AS stream_id, st.first + k.k AS ord, st.version + 1 + k.k AS version
                FROM unnest(p_stream_ids, v_versions, v_firsts, p_counts) AS st(id, version, first, cnt),
                     generate_series(0, st.cnt - 1) AS k(k)) g ON g.ord = e.ord
       ORDER BY e.ord;
      UPDATE ${n.streams} s SET version = u.version + u.cnt
        FROM unnest(p_stream_ids, v_versions, p_counts) AS u(id, version, cnt) WHERE s.stream_id = u.id;
      FOR i IN 1 .. v_n LOOP
        r_status := 'ok'; r_version := v_versions[i] + p_counts[i]; r_written := p_counts[i];
        RETURN NEXT;
      END LOOP;
      IF p_channel IS NOT NULL THEN
        PERFORM pg_notify(p_channel, '');
      END IF;
      RETURN;
    END IF;
    v_first := 1;
  END IF;
  FOR i IN 1 .. coalesce(cardinality(p_stream_ids), 0) LOOP
    v_count := p_counts[i];
    v_expected := p_expected[i];
    v_stored := 0;
    v_last := v_first + v_count - 1;
    IF v_count = 0 THEN
      SELECT s.version INTO v_version FROM ${n.streams} s WHERE s.stream_id = p_stream_ids[i];
      v_version := coalesce(v_version, -1);
    ELSE
      -- An existing stream (the common case) costs one statement here, a new one two: the row we
      -- insert is ours, locked until commit. Only when a concurrent creator won (the INSERT waited
      -- for its commit and did nothing) is the row locked by a second SELECT.
      SELECT s.version INTO v_version FROM ${n.streams} s WHERE s.stream_id = p_stream_ids[i] FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO ${n.streams} (stream_id, version) VALUES (p_stream_ids[i], -1)
          ON CONFLICT (stream_id) DO NOTHING RETURNING version INTO v_version;
        IF NOT FOUND THEN
          SELECT s.version INTO v_version FROM ${n.streams} s WHERE s.stream_id = p_stream_ids[i] FOR UPDATE;
        END IF;
      END IF;
      v_ids := p_event_ids[v_first:v_last];
      SELECT count(*) INTO v_stored FROM ${n.events} e WHERE e.event_id = ANY (v_ids);
    END IF;
    v_fresh := v_count - v_stored;
    IF v_count > 0 AND v_fresh = 0 THEN
      r_status := 'ok'; r_version := v_version; r_written := 0;
      RETURN NEXT;
      v_first := v_last + 1;
      CONTINUE;
    END IF;
    IF NOT (v_expected = 'any'
            OR (v_expected = 'no_stream' AND v_version = -1)
            OR (v_expected = 'stream_exists' AND v_version >= 0)
            OR v_expected = v_version::text) THEN
      IF p_abort THEN
        RAISE EXCEPTION 'stream %: expected version %, actual %', p_stream_ids[i], v_expected, v_version
          USING ERRCODE = '${SQLSTATE_WRONG_VERSION}', DETAIL = json_build_object('index', i - 1, 'actual', v_version)::text;
      END IF;
      r_status := 'conflict'; r_version := v_version; r_written := 0;
      RETURN NEXT;
      RETURN;
    END IF;
    IF v_version::bigint + v_fresh > 2147483647 THEN
      IF p_abort THEN
        RAISE EXCEPTION 'stream % would exceed the int4 version range', p_stream_ids[i]
          USING ERRCODE = '${SQLSTATE_VERSION_OVERFLOW}', DETAIL = json_build_object('index', i - 1)::text;
      END IF;
      r_status := 'overflow'; r_version := v_version; r_written := 0;
      RETURN NEXT;
      RETURN;
    END IF;
    IF v_fresh > 0 THEN
      IF v_stored = 0 THEN
        INSERT INTO ${n.events} (stream_id, stream_version, event_id, type, data, metadata)
        SELECT p_stream_ids[i], v_version + u.ord::integer, u.event_id, u.type, u.data::jsonb, u.metadata::jsonb
          FROM unnest(v_ids, p_types[v_first:v_last], p_data[v_first:v_last], p_metadata[v_first:v_last])
               WITH ORDINALITY AS u(event_id, type, data, metadata, ord);
      ELSE
        -- Some ids are stored: the rest take consecutive versions, in batch order.
        INSERT INTO ${n.events} (stream_id, stream_version, event_id, type, data, metadata)
        SELECT p_stream_ids[i], v_version + (row_number() OVER (ORDER BY u.ord))::integer, u.event_id, u.type, u.data::jsonb, u.metadata::jsonb
          FROM unnest(v_ids, p_types[v_first:v_last], p_data[v_first:v_last], p_metadata[v_first:v_last])
               WITH ORDINALITY AS u(event_id, type, data, metadata, ord)
         WHERE NOT EXISTS (SELECT 1 FROM ${n.events} e WHERE e.event_id = u.event_id)
         ORDER BY u.ord;
      END IF;
      UPDATE ${n.streams} SET version = v_version + v_fresh WHERE stream_id = p_stream_ids[i];
      v_written := v_written + v_fresh;
    END IF;
    r_status := 'ok'; r_version := v_version + v_fresh; r_written := v_fresh;
    RETURN NEXT;
    v_first := v_last + 1;
  END LOOP;
  -- Only for a caller's transaction the store cannot notify after (see notifier.ts).
  IF v_written > 0 AND p_channel IS NOT NULL THEN
    PERFORM pg_notify(p_channel, '');
  END IF;
END
`;
}

export function createAppendFunction(n: SchemaNames): string {
  return `CREATE OR REPLACE FUNCTION ${n.appendFunction}(
  p_stream_ids text[], p_expected text[], p_counts integer[],
  p_event_ids uuid[], p_types text[], p_data text[], p_metadata text[],
  p_inbox_consumer text, p_inbox_message_id text, p_abort boolean, p_channel text)
RETURNS TABLE (r_status text, r_version integer, r_written integer)
LANGUAGE plpgsql AS $fn$${appendFunctionBody(n)}$fn$`;
}
