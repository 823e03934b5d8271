import { describe, expect, it } from 'vitest';
import { callQuery, callsCsvPath } from './call-query.js';

describe('callQuery', () => {
  it('turns days into UTC instants, the end day included', () => {
    expect(callQuery({ from: '2026-12-01', to: '2026-12-31' })).toEqual({ from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
  });
  it('passes destination, status and SIP user through', () => {
    expect(callQuery({ destination: '44', callStatus: 'unanswered', sip: '1000-2', tab: 'calls' })).toEqual({ destination: '44', status: 'unanswered', sipUsername: '1000-2' });
  });
});

describe('callsCsvPath', () => {
  it('asks for CSV with the same filters', () => {
    expect(callsCsvPath('c 1', { from: '2026-12-01T00:00:00Z', status: 'rated' })).toBe('/api/v1/customers/c%201/calls?format=csv&from=2026-12-01T00%3A00%3A00Z&status=rated');
  });
});
