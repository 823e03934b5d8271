import { resolveReportRange } from './report-range.js';

const now = new Date('2025-03-10T15:30:00.000Z');
const range = (from?: string, to?: string, maxDays = 366) => resolveReportRange({ from, to }, now, maxDays);
const iso = (result: ReturnType<typeof range>) => (result.ok ? [result.range.from.toISOString(), result.range.to.toISOString()] : result);

describe('report range', () => {
  it('defaults to today (UTC)', () => {
    expect(iso(range())).toEqual(['2025-03-10T00:00:00.000Z', '2025-03-11T00:00:00.000Z']);
  });

  it('reads dates as whole UTC days, `to` inclusive of its day', () => {
    expect(iso(range('2025-03-01', '2025-03-31'))).toEqual(['2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z']);
    expect(iso(range('2025-03-05', '2025-03-05'))).toEqual(['2025-03-05T00:00:00.000Z', '2025-03-06T00:00:00.000Z']);
  });

  it('reads instants as they are, with their offset, `to` exclusive', () => {
    expect(iso(range('2025-03-10T10:00:00+02:00', '2025-03-10T10:30:00Z'))).toEqual(['2025-03-10T08:00:00.000Z', '2025-03-10T10:30:00.000Z']);
  });

  it('runs `from` alone to the end of today, `to` alone over its own day', () => {
    expect(iso(range('2025-03-01'))).toEqual(['2025-03-01T00:00:00.000Z', '2025-03-11T00:00:00.000Z']);
    expect(iso(range(undefined, '2025-02-14'))).toEqual(['2025-02-14T00:00:00.000Z', '2025-02-15T00:00:00.000Z']);
    expect(iso(range(undefined, '2025-02-14T06:00:00Z'))).toEqual(['2025-02-14T00:00:00.000Z', '2025-02-14T06:00:00.000Z']);
    expect(iso(range('2025-03-20'))).toEqual(['2025-03-20T00:00:00.000Z', '2025-03-21T00:00:00.000Z']);
  });

  it('refuses empty, inverted, impossible and too long ranges', () => {
    expect(range('2025-03-10', '2025-03-09')).toEqual({ ok: false, path: '/to', message: 'must be after from' });
    expect(range('2025-03-10T10:00:00Z', '2025-03-10T10:00:00Z')).toMatchObject({ ok: false, path: '/to' });
    expect(range('2025-02-30')).toMatchObject({ ok: false, path: '/from' });
    expect(range('2024-01-01', '2024-12-31')).toMatchObject({ ok: true }); // 366 days (leap year)
    expect(range('2024-01-01', '2025-01-01')).toEqual({ ok: false, path: '/to', message: 'must be at most 366 days after from' });
    expect(range('2025-03-01', '2025-03-08', 7)).toMatchObject({ ok: false, path: '/to' });
  });
});
