// The documented CDR and deck bodies (body-docs.ts) against the parsers that validate them: what a
// parser accepts, the document accepts; what it refuses for a field's shape or range, the document
// refuses too.
import { nativeCdrItems, parseFreeswitchCdr, parseJsonRateRow, parseNativeCdr } from '@billing/rating-domain';
import { FreeswitchCdrDoc, NativeCdrBodyDoc, NativeCdrDoc, RateRowDoc } from './body-docs.js';

const cdr = {
  callId: 'call-1',
  account: '1000000001',
  callerId: '+442079460958',
  destination: '12125550100',
  startedAt: '2025-03-01T10:00:00Z',
  answeredAt: '2025-03-01T10:00:05Z',
  endedAt: '2025-03-01T10:01:05Z',
  billsec: 60,
  disposition: 'answered',
};

describe('the documented native CDR', () => {
  it('accepts what the parser accepts', () => {
    for (const sample of [cdr, { ...cdr, account: undefined, sipUsername: 'alice' }, { ...cdr, answeredAt: null, billsec: 0, disposition: 'busy' }]) {
      expect(parseNativeCdr(sample).ok).toBe(true);
      expect(NativeCdrDoc.safeParse(sample).success).toBe(true);
    }
    expect(NativeCdrBodyDoc.safeParse({ cdrs: [cdr, cdr] }).success).toBe(nativeCdrItems({ cdrs: [cdr, cdr] }).ok);
  });

  it.each([
    ['a negative billsec', { billsec: -1 }],
    ['a billsec above the maximum', { billsec: 604_801 }],
    ['an unknown disposition', { disposition: 'hung' }],
    ['an empty destination', { destination: '' }],
    ['no end', { endedAt: undefined }],
    ['a start without an offset', { startedAt: '2025-03-01T10:00:00' }],
    ['a call id of 129 characters', { callId: 'c'.repeat(129) }],
  ])('refuses %s, as the parser does', (_what, change) => {
    const sample = { ...cdr, ...change };
    expect(parseNativeCdr(sample).ok).toBe(false);
    expect(NativeCdrDoc.safeParse(sample).success).toBe(false);
  });

  it('bounds a batch as the parser does', () => {
    for (const cdrs of [[], Array.from({ length: 1001 }, () => cdr)]) {
      expect(nativeCdrItems({ cdrs }).ok).toBe(false);
      expect(NativeCdrBodyDoc.safeParse({ cdrs }).success).toBe(false);
    }
  });
});

describe('the documented JSON deck row', () => {
  const row = { prefix: '44', destination: 'UK', connectFee: '0.01', minimumSeconds: 30, intervals: [{ startSecond: 0, ratePerMinute: '0.02', incrementSeconds: 60 }] };

  it('accepts what the parser accepts', () => {
    for (const sample of [row, { prefix: '1', destination: 'US', intervals: row.intervals }]) {
      expect(parseJsonRateRow(sample, 0).ok).toBe(true);
      expect(RateRowDoc.safeParse(sample).success).toBe(true);
    }
  });

  it.each([
    ['a prefix that is not digits', { prefix: '44a' }],
    ['a prefix of 17 digits', { prefix: '1'.repeat(17) }],
    ['no interval', { intervals: [] }],
    ['nine intervals', { intervals: Array.from({ length: 9 }, (_, i) => ({ startSecond: i * 60, ratePerMinute: '0.02', incrementSeconds: 60 })) }],
    ['an increment of 0 s', { intervals: [{ startSecond: 0, ratePerMinute: '0.02', incrementSeconds: 0 }] }],
    ['a minimum above an hour', { minimumSeconds: 3601 }],
    ['a negative connect fee', { connectFee: '-0.01' }],
    ['a rate as a JSON number', { intervals: [{ startSecond: 0, ratePerMinute: 0.02, incrementSeconds: 60 }] }],
  ])('refuses %s, as the parser does', (_what, change) => {
    const sample = { ...row, ...change };
    expect(parseJsonRateRow(sample, 0).ok).toBe(false);
    expect(RateRowDoc.safeParse(sample).success).toBe(false);
  });
});

describe('the documented FreeSWITCH CDR', () => {
  it('accepts what the parser accepts and names the variables it reads', () => {
    const body = {
      variables: { uuid: 'u-1', accountcode: '1000000001', destination_number: '12125550100', start_epoch: '1740823200', answer_epoch: '1740823205', end_epoch: '1740823265', billsec: '60', hangup_cause: 'NORMAL_CLEARING' },
      callflow: [],
    };
    expect(parseFreeswitchCdr(body).ok).toBe(true);
    expect(FreeswitchCdrDoc.safeParse(body).success).toBe(true);
    expect(parseFreeswitchCdr({}).ok).toBe(false);
    expect(FreeswitchCdrDoc.safeParse({}).success).toBe(false);
  });
});
