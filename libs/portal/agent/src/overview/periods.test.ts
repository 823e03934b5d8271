import { describe, expect, it } from 'vitest';
import { periodStarts } from './periods.js';

describe('periodStarts', () => {
  it('gives the UTC day and month starts, whatever the local time', () => {
    expect(periodStarts(new Date('2026-12-04T23:30:00-05:00'))).toEqual({ today: '2026-12-05T00:00:00Z', month: '2026-12-01T00:00:00Z' });
  });
  it('crosses a year end', () => {
    expect(periodStarts(new Date('2027-01-01T00:00:01Z'))).toEqual({ today: '2027-01-01T00:00:00Z', month: '2027-01-01T00:00:00Z' });
  });
});
