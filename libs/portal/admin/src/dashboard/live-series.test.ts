import { describe, expect, it } from 'vitest';
import { addCall, extendTo, SERIES_MINUTES } from './live-series';

const at = (hhmmss: string) => new Date(`2026-12-04T${hhmmss}Z`);
const minuteOf = (hhmm: string) => Date.parse(`2026-12-04T${hhmm}:00Z`) / 1000;

describe('live series', () => {
  it('counts calls and sums revenue exactly per minute', () => {
    let series = addCall([], at('10:00:05'), '0.1');
    series = addCall(series, at('10:00:59'), '0.2');
    expect(series).toEqual([{ minute: minuteOf('10:00'), calls: 2, revenueMicros: 300_000n }]);
  });

  it('fills the minutes without calls with zeros', () => {
    let series = addCall([], at('10:00:05'), '1');
    series = addCall(series, at('10:03:00'), '0.000001');
    expect(series.map((bucket) => [bucket.minute, bucket.calls, bucket.revenueMicros])).toEqual([
      [minuteOf('10:00'), 1, 1_000_000n],
      [minuteOf('10:01'), 0, 0n],
      [minuteOf('10:02'), 0, 0n],
      [minuteOf('10:03'), 1, 1n],
    ]);
  });

  it('keeps only the last minutes and ignores a cost that is not an amount', () => {
    const series = extendTo(addCall([], at('09:00:00'), 'n/a'), minuteOf('11:00'));
    expect(series).toHaveLength(SERIES_MINUTES);
    expect(series.at(-1)?.minute).toBe(minuteOf('11:00'));
    expect(series.every((bucket) => bucket.calls === 0 && bucket.revenueMicros === 0n)).toBe(true);
  });
});
