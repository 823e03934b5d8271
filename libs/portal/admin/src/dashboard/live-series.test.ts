import { describe, expect, it } from 'vitest';
import { awaitingSeries, extendTo, initialChart, liveFactOf, SERIES_MINUTES, seriesWindow, withFact, withoutSeries, withSeries, type ChartState, type SeriesWire } from './live-series';

const ms = (hhmmss: string) => Date.parse(`2026-12-04T${hhmmss}Z`);
const minuteOf = (hhmm: string) => Date.parse(`2026-12-04T${hhmm}:00Z`) / 1000;
const NOW = ms('10:59:30');

/** GET /reports/series for the last hour as the server answers it, counting the live events up to `position`: `values` by minute ("10:58"), the rest zero. */
function series(position: number, values: Record<string, { calls?: number; billedSeconds?: number; revenue?: string; deposits?: string }> = {}): SeriesWire {
  const { from } = seriesWindow(NOW);
  const buckets = Array.from({ length: SERIES_MINUTES }, (_, i) => {
    const start = new Date(Date.parse(from) + i * 60_000).toISOString();
    const v = values[start.slice(11, 16)] ?? {};
    return { start, calls: v.calls ?? 0, billedSeconds: v.billedSeconds ?? 0, billedMinutes: '0.00', revenue: v.revenue ?? '0', deposits: { count: v.deposits === undefined ? 0 : 1, amount: v.deposits ?? '0' } };
  });
  return { from, to: seriesWindow(NOW).to, bucketSeconds: 60, asOf: '2026-12-04T10:59:30Z', position, buckets };
}

/** A live `call` event: when it started, its place in the reports' projection order (`position`), decided a moment after it ended. */
const call = (id: string, startedAt: string, position: number, cost: string, billedSeconds = 60, occurredAt = startedAt) =>
  liveFactOf({ type: 'call', id, data: { startedAt: `2026-12-04T${startedAt}Z`, occurredAt: `2026-12-04T${occurredAt}Z`, position, cost, billedSeconds } })!;
const deposit = (id: string, occurredAt: string, position: number, amount: string) => liveFactOf({ type: 'deposit', id, data: { occurredAt: `2026-12-04T${occurredAt}Z`, position, amount } })!;

const at = (state: ChartState, hhmm: string) => state.buckets.find((bucket) => bucket.minute === minuteOf(hhmm));

describe('the dashboard chart: the last hour from the series, continued live', () => {
  it('asks for the last 60 whole minutes, this one included', () => {
    expect(seriesWindow(NOW)).toEqual({ from: '2026-12-04T10:00:00.000Z', to: '2026-12-04T11:00:00.000Z' });
    expect(initialChart(NOW).buckets).toHaveLength(SERIES_MINUTES);
  });

  it('shows what the series holds after a reload, money exact', () => {
    const chart = withSeries(initialChart(NOW), series(40, { '10:05': { calls: 2, billedSeconds: 150, revenue: '0.300001', deposits: '100' } }));
    expect(chart.buckets).toHaveLength(SERIES_MINUTES);
    expect(at(chart, '10:05')).toEqual({ minute: minuteOf('10:05'), calls: 2, billedSeconds: 150, revenueMicros: 300_001n, depositMicros: 100_000_000n });
    expect(chart.buckets.at(-1)?.minute).toBe(minuteOf('10:59'));
  });

  it('does not count twice what arrived live while the series loaded and the series already holds', () => {
    let chart = initialChart(NOW);
    // both arrive before the answer: the first was projected before the series was read (it holds it), the second after
    chart = withFact(chart, call('e1', '10:58:00', 11, '1.5'));
    chart = withFact(chart, call('e2', '10:58:30', 12, '0.25'));
    expect(at(chart, '10:58')?.calls).toBe(0); // nothing counted before the series is there
    chart = withSeries(chart, series(11, { '10:58': { calls: 1, billedSeconds: 60, revenue: '1.5' } }));
    expect(at(chart, '10:58')).toMatchObject({ calls: 2, billedSeconds: 120, revenueMicros: 1_750_000n });
    // later ones: one replayed from up to the series' position (held), one new, one repeated (a replay of the same event id)
    chart = withFact(chart, call('e0', '10:57:00', 10, '9'));
    chart = withFact(chart, deposit('e3', '10:59:40', 13, '20.5'));
    chart = withFact(chart, deposit('e3', '10:59:40', 13, '20.5'));
    expect(at(chart, '10:57')?.calls).toBe(0);
    expect(at(chart, '10:59')?.depositMicros).toBe(20_500_000n);
  });

  it('puts a call in the minute it started in, moves on with time, and ignores calls older than the chart', () => {
    let chart = withSeries(initialChart(NOW), series(5));
    chart = withFact(chart, call('late', '11:00:50', 6, '0.000001', 75));
    expect(chart.buckets.at(-1)?.minute).toBe(minuteOf('11:00'));
    expect(chart.buckets[0]?.minute).toBe(minuteOf('10:01'));
    expect(at(chart, '11:00')).toMatchObject({ calls: 1, billedSeconds: 75, revenueMicros: 1n });
    const before = chart;
    chart = withFact(chart, call('old', '09:30:00', 7, '5'));
    expect(chart.buckets).toEqual(before.buckets);
    expect(extendTo(chart.buckets, minuteOf('12:30'))).toHaveLength(SERIES_MINUTES);
  });

  it('goes on with the live feed alone when the series fails, and waits again for a reload after a resync', () => {
    let chart = withFact(initialChart(NOW), call('a', '10:59:00', 1, '2'));
    chart = withoutSeries(chart);
    expect(at(chart, '10:59')?.calls).toBe(1);
    chart = withFact(awaitingSeries(chart), call('b', '10:59:20', 2, '3'));
    expect(at(chart, '10:59')?.calls).toBe(1);
    // the reloaded series holds both (a and b were projected before it was read)
    chart = withSeries(chart, series(2, { '10:59': { calls: 2, revenue: '5' } }));
    expect(at(chart, '10:59')).toMatchObject({ calls: 2, revenueMicros: 5_000_000n });
  });

  it('tells what the series holds by the projection order, not by time: a call decided before the series was read but projected after it is added once, one decided later but projected before is not', () => {
    let chart = withSeries(initialChart(NOW), series(20, { '10:50': { calls: 1, revenue: '1' } }));
    // bus lag: decided at 10:50:30, well before the series was read at 10:59:30, projected after it
    chart = withFact(chart, call('lagged', '10:50:00', 21, '2', 60, '10:50:30'));
    chart = withFact(chart, call('lagged', '10:50:00', 21, '2', 60, '10:50:30'));
    expect(at(chart, '10:50')).toMatchObject({ calls: 2, revenueMicros: 3_000_000n });
    // a source clock ahead: "decided" after the series was read, yet projected before it (the series holds it)
    chart = withFact(chart, call('skewed', '10:51:00', 19, '5', 60, '11:05:00'));
    expect(at(chart, '10:51')?.calls).toBe(0);
  });

  it('reads only call and deposit events it can place', () => {
    expect(liveFactOf({ type: 'call', id: 'x', data: { occurredAt: '2026-12-04T10:00:00Z', startedAt: '2026-12-04T10:00:00Z', cost: '1' } })).toBeNull(); // no position
    expect(liveFactOf({ type: 'balance', id: 'x', data: { occurredAt: '2026-12-04T10:00:00Z' } })).toBeNull();
    expect(liveFactOf({ type: 'call', id: 'x', data: { occurredAt: '2026-12-04T10:00:00Z', startedAt: 'soon', cost: '1' } })).toBeNull();
    expect(liveFactOf({ type: 'deposit', id: 'x', data: { occurredAt: '2026-12-04T10:00:00Z', position: 1, amount: 'n/a' } })).toBeNull();
    expect(liveFactOf({ type: 'deposit', id: '', data: { occurredAt: '2026-12-04T10:00:00Z', position: 1, amount: '1' } })).toBeNull();
    expect(liveFactOf({ type: 'deposit', id: 'x', data: { occurredAt: '2026-12-04T10:00:00Z', position: 1.5, amount: '1' } })).toBeNull();
  });
});
