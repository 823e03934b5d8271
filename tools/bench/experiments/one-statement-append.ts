// EXPERIMENT, not the adapter: what a one-round-trip append would give. The adapter's append
// (libs/platform/event-store/src/postgres/append.ts) sends BEGIN, INSERT streams … ON CONFLICT,
// SELECT … FOR UPDATE, SELECT event ids, INSERT events, UPDATE streams, [pg_notify], COMMIT:
// 7–8 statements, each a round trip and an unnamed (parsed and planned again) statement. This
// prototype runs the same steps on the adapter's own tables inside one plpgsql function, called
// as a single named (prepared) autocommit statement. Same locking, idempotency and
// expected-version rules for a single-stream append without inbox; conflicts come back as a
// status instead of WrongExpectedVersionError; same JSON codec (encodeJson). Used by the bench to
// size the fix it recommends.
import { PostgresEventStore, START, encodeJson, type Checkpoint } from '@billing/event-store';
import { createPool } from '@billing/postgres';
import { randomUUID } from 'node:crypto';
import type { BenchEvent } from '../payload.js';
import type { BenchStore, ReplayCursor, StoreKind } from '../stores/bench-store.js';

const SCHEMA = 'bench';

const FUNCTION_SQL = `
CREATE OR REPLACE FUNCTION "${SCHEMA}".append_stream(
  p_stream_id text, p_expected text, p_event_ids uuid[], p_types text[], p_data text[], p_metadata text[], p_channel text)
RETURNS TABLE (status text, version integer, written integer) LANGUAGE plpgsql AS $fn$
DECLARE
  v_version integer;
  v_fresh integer;
BEGIN
  INSERT INTO "${SCHEMA}".streams (stream_id, version) VALUES (p_stream_id, -1) ON CONFLICT (stream_id) DO NOTHING;
  SELECT s.version INTO v_version FROM "${SCHEMA}".streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
  -- idempotency: events whose id is already stored are skipped (index probes, as the adapter does)
  SELECT cardinality(p_event_ids) - count(*) INTO v_fresh FROM "${SCHEMA}".events e WHERE e.event_id = ANY(p_event_ids);
  IF v_fresh = 0 THEN
    RETURN QUERY SELECT 'duplicate'::text, v_version, 0;
    RETURN;
  END IF;
  IF NOT (p_expected = 'any'
          OR (p_expected = 'no_stream' AND v_version = -1)
          OR (p_expected = 'stream_exists' AND v_version >= 0)
          OR p_expected = v_version::text) THEN
    RETURN QUERY SELECT 'conflict'::text, v_version, 0;
    RETURN;
  END IF;
  IF v_fresh = cardinality(p_event_ids) THEN
    INSERT INTO "${SCHEMA}".events (stream_id, stream_version, event_id, type, data, metadata)
    SELECT p_stream_id, v_version + u.ord::integer, u.event_id, u.type, u.data::jsonb, u.metadata::jsonb
      FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(event_id, type, data, metadata, ord);
  ELSE
    INSERT INTO "${SCHEMA}".events (stream_id, stream_version, event_id, type, data, metadata)
    SELECT p_stream_id, v_version + (row_number() OVER (ORDER BY u.ord))::integer, u.event_id, u.type, u.data::jsonb, u.metadata::jsonb
      FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(event_id, type, data, metadata, ord)
     WHERE u.event_id <> ALL (ARRAY(SELECT e.event_id FROM "${SCHEMA}".events e WHERE e.event_id = ANY(p_event_ids)));
  END IF;
  UPDATE "${SCHEMA}".streams SET version = v_version + v_fresh WHERE stream_id = p_stream_id;
  IF p_channel IS NOT NULL THEN
    PERFORM pg_notify(p_channel, '');
  END IF;
  RETURN QUERY SELECT 'ok'::text, v_version + v_fresh, v_fresh;
END
$fn$`;

export function oneStatementKind(options: { notify: boolean }): StoreKind {
  return {
    key: options.notify ? 'proto1rt' : 'proto1rt_nonotify',
    label: `prototype: one-statement append (${options.notify ? 'NOTIFY on' : 'notify off'})`,
    experimental: true,
    async open(url, poolMax) {
      const pool = createPool(url, { max: poolMax, applicationName: 'bench:prototype', statementTimeoutMs: 0 });
      const store = await PostgresEventStore.open({ pool, schema: SCHEMA, notify: options.notify });
      await pool.query(FUNCTION_SQL);
      const channel = options.notify ? `${SCHEMA}_events` : null;
      const cursorFrom = (start: Checkpoint, pageSize: number): ReplayCursor => {
        let checkpoint = start;
        return {
          async next() {
            const page = await store.readAll(checkpoint, pageSize);
            checkpoint = page.checkpoint;
            return page.events.length;
          },
        };
      };
      const bench: BenchStore = {
        label: this.label,
        url,
        eventsTable: `"${SCHEMA}".events`,
        async append(streamId: string, events: BenchEvent[], eventsBefore: number) {
          const result = await pool.query<{ status: string }>({
            name: 'bench_append_stream',
            text: `SELECT status, version, written FROM "${SCHEMA}".append_stream($1, $2, $3::uuid[], $4::text[], $5::text[], $6::text[], $7)`,
            values: [
              streamId,
              eventsBefore === 0 ? 'no_stream' : String(eventsBefore - 1),
              events.map(() => randomUUID()),
              events.map((e) => e.type),
              events.map((e) => encodeJson(e.data)),
              events.map((e) => encodeJson(e.metadata)),
              channel,
            ],
          });
          if (result.rows[0]?.status !== 'ok') throw new Error(`prototype append to ${streamId}: ${result.rows[0]?.status}`);
        },
        replay: (pageSize) => cursorFrom(START, pageSize),
        replayFrom: () => Promise.reject(new Error('not used')),
        async close() {
          await store.close();
          await pool.end();
        },
      };
      return bench;
    },
  };
}
