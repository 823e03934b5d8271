import { selectVersion } from './select-version.js';

describe('selectVersion: the version in force at the call start', () => {
  const versions = [
    { versionId: 'march', effectiveFrom: '2025-03-01T00:00:00Z' },
    { versionId: 'april', effectiveFrom: '2025-04-01T00:00:00+02:00' },
    { versionId: 'february', effectiveFrom: '2025-02-01T00:00:00Z' },
  ];

  it.each([
    ['2025-01-31T23:59:59.999Z', null],
    ['2025-02-01T00:00:00Z', 'february'],
    ['2025-03-01T00:00:00.000Z', 'march'],
    ['2025-03-31T21:59:59Z', 'march'],
    ['2025-03-31T22:00:00Z', 'april'], // 2025-04-01T00:00+02:00
    ['2030-01-01T00:00:00Z', 'april'],
  ])('a call starting %s → %s', (startedAt, versionId) => {
    expect(selectVersion(versions, startedAt)?.versionId ?? null).toBe(versionId);
  });

  it('on a tie the later entry wins, as the later import would', () => {
    expect(selectVersion([...versions, { versionId: 'march-fix', effectiveFrom: '2025-03-01T00:00:00Z' }], '2025-03-05T00:00:00Z')?.versionId).toBe('march-fix');
  });

  it('refuses a malformed time (a bug: CDR times are canonical)', () => {
    expect(() => selectVersion(versions, 'yesterday')).toThrow('not an ISO 8601 instant: "yesterday"');
  });
});
