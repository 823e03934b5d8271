// Pure: the dashboard's per-minute chart — the last hour as GET /reports/series answered it,
// continued by the live feed's `call` and `deposit` events. Calls go to the minute they started
// in and deposits to the minute they happened in, as the series counts them. The series says up
// to which `position` of the reports' projection order it counts (every live event carries its
// own): a live event is added only when its position is greater — by time it cannot be told: an
// event decided before the series was read but projected after it would be in neither half, and
// clocks differ. Events that arrive while the series loads wait for it and are sorted the same
// way; an event id is counted once. Money is summed exactly in micro-units (bigint); only the
// chart turns it into a plot coordinate.
import { toMicroUnits } from '@billing/portal-ui';
import type { ApiJson } from '../shared/api-json.js';

export type SeriesWire = ApiJson<'/api/v1/reports/series', 'get'>;

export interface MinuteBucket {
  /** the minute's start, epoch seconds (what uPlot's time axis takes). */
  minute: number;
  calls: number;
  billedSeconds: number;
  revenueMicros: bigint;
  depositMicros: bigint;
}

/** A live event the chart counts: a rated call or a deposit. */
export type LiveFact =
  | { kind: 'call'; id: string; /** when it started, ms */ at: number; /** its place in the reports' projection order */ position: number; billedSeconds: number; revenueMicros: bigint }
  | { kind: 'deposit'; id: string; /** when it happened, ms */ at: number; position: number; amountMicros: bigint };

export interface ChartState {
  buckets: MinuteBucket[];
  /** the series' position (it counts the live events up to it); null = no series (not loaded, or it failed: live events only). */
  position: number | null;
  /** live facts received while the series loads; null = not loading. */
  waiting: LiveFact[] | null;
  /** ids of the live facts counted (a replayed event is not counted twice); the latest only. */
  seen: readonly string[];
}

/** How many minutes the chart keeps (and asks the series for). */
export const SERIES_MINUTES = 60;
const SEEN_CAPACITY = 2_000;
const AMOUNT = /^-?\d+(\.\d{1,6})?$/;

const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60;
const empty = (minute: number): MinuteBucket => ({ minute, calls: 0, billedSeconds: 0, revenueMicros: 0n, depositMicros: 0n });

/** The range to ask the series for: the last SERIES_MINUTES whole minutes, this one included. */
export function seriesWindow(now: number): { from: string; to: string } {
  const next = (minuteOf(now) + 60) * 1_000;
  return { from: new Date(next - SERIES_MINUTES * 60_000).toISOString(), to: new Date(next).toISOString() };
}

/** Empty minutes up to `now`'s, waiting for the series. */
export function initialChart(now: number): ChartState {
  const last = minuteOf(now);
  return { buckets: extendTo([empty(last - (SERIES_MINUTES - 1) * 60)], last), position: null, waiting: [], seen: [] };
}

/** Loading the series again (after a `resync`): live facts wait for it. */
export function awaitingSeries(state: ChartState): ChartState {
  return { ...state, waiting: state.waiting ?? [] };
}

/** The series arrived: its minutes replace the chart's, then the facts that waited and come after its position are added. */
export function withSeries(state: ChartState, series: SeriesWire): ChartState {
  const buckets = series.buckets.map((bucket) => ({
    minute: minuteOf(Date.parse(bucket.start)),
    calls: bucket.calls,
    billedSeconds: bucket.billedSeconds,
    revenueMicros: micros(bucket.revenue),
    depositMicros: micros(bucket.deposits.amount),
  }));
  const loaded: ChartState = { buckets: buckets.slice(-SERIES_MINUTES), position: series.position, waiting: null, seen: state.seen };
  return (state.waiting ?? []).reduce(withFact, loaded);
}

/** The series could not be loaded: the chart goes on with the live feed alone. */
export function withoutSeries(state: ChartState): ChartState {
  return (state.waiting ?? []).reduce(withFact, { ...state, waiting: null });
}

/** One live fact counted in its minute — unless the series already holds it, or it was counted before. */
export function withFact(state: ChartState, fact: LiveFact): ChartState {
  if (state.waiting !== null) return { ...state, waiting: [...state.waiting, fact] };
  if (state.position !== null && fact.position <= state.position) return state;
  if (state.seen.includes(fact.id)) return state;
  const minute = minuteOf(fact.at);
  const buckets = extendTo(state.buckets, minute);
  if (buckets[0] === undefined || minute < buckets[0].minute) return { ...state, buckets };
  return {
    ...state,
    seen: [...state.seen, fact.id].slice(-SEEN_CAPACITY),
    buckets: buckets.map((bucket) => {
      if (bucket.minute !== minute) return bucket;
      return fact.kind === 'call'
        ? { ...bucket, calls: bucket.calls + 1, billedSeconds: bucket.billedSeconds + fact.billedSeconds, revenueMicros: bucket.revenueMicros + fact.revenueMicros }
        : { ...bucket, depositMicros: bucket.depositMicros + fact.amountMicros };
    }),
  };
}

/** The feed's `call` or `deposit` event as a fact; null for the others and for data the chart cannot place. */
export function liveFactOf(event: { type: string; id: string; data: unknown }): LiveFact | null {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  const occurredAt = instant(data.occurredAt);
  const position = data.position;
  if (occurredAt === null || event.id === '' || typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) return null;
  if (event.type === 'call') {
    const at = instant(data.startedAt);
    if (at === null || !amount(data.cost)) return null;
    const billedSeconds = typeof data.billedSeconds === 'number' && Number.isSafeInteger(data.billedSeconds) ? data.billedSeconds : 0;
    return { kind: 'call', id: event.id, at, position, billedSeconds, revenueMicros: toMicroUnits(data.cost) };
  }
  if (event.type === 'deposit' && amount(data.amount)) return { kind: 'deposit', id: event.id, at: occurredAt, position, amountMicros: toMicroUnits(data.amount) };
  return null;
}

/** The buckets carried on to `minute` (epoch seconds) with empty ones, trimmed to the last SERIES_MINUTES. */
export function extendTo(buckets: readonly MinuteBucket[], minute: number): MinuteBucket[] {
  const next = [...buckets];
  const last = next.at(-1)?.minute;
  if (last === undefined) next.push(empty(minute));
  else for (let m = last + 60; m <= minute; m += 60) next.push(empty(m));
  return next.slice(-SERIES_MINUTES);
}

function micros(value: string): bigint {
  return AMOUNT.test(value) ? toMicroUnits(value) : 0n;
}

function amount(value: unknown): value is string {
  return typeof value === 'string' && AMOUNT.test(value);
}

function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
