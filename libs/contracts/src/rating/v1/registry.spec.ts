import { isRatingEventTypeV1, parseRatingEventV1, RATING_EVENTS_TOPIC, ratingEventsV1 } from './registry.js';

const rated = {
  callId: '1740830400.42',
  customerId: 'cust-c',
  agentId: 'agent-a',
  destination: '442079460958',
  destinationName: 'United Kingdom',
  prefix: '44',
  startedAt: '2025-03-01T12:00:00.000Z',
  billsec: 61,
  billedSeconds: 120,
  cost: '0.2',
  sheetId: 'itc',
  versionId: 'v1',
  holdId: '1740830400.42',
};

describe('rating v1 contracts', () => {
  it('publishes on rating.events.v1, one schema per event type', () => {
    expect(RATING_EVENTS_TOPIC).toBe('rating.events.v1');
    expect(Object.keys(ratingEventsV1).every((type) => /^rating\.[A-Z][A-Za-z]+$/.test(type))).toBe(true);
  });

  it('parses a rated call; the hold is optional', () => {
    expect(parseRatingEventV1('rating.CallRated', rated)).toEqual({ type: 'rating.CallRated', data: rated });
    const { holdId: _holdId, ...withoutHold } = rated;
    expect(parseRatingEventV1('rating.CallRated', withoutHold).data).toEqual(withoutHold);
  });

  it.each([
    ['a JSON number for the cost', { cost: 0.2 }],
    ['seven decimals', { cost: '0.2000001' }],
    ['a negative cost', { cost: '-0.2' }],
    ['a destination that is not digits', { destination: '+44' }],
    ['fractional seconds', { billsec: 61.5 }],
    ['a time without offset', { startedAt: '2025-03-01 12:00:00' }],
  ])('refuses %s', (_what, change) => {
    expect(() => parseRatingEventV1('rating.CallRated', { ...rated, ...change })).toThrow();
  });

  it('a re-rated call names the reason it was unrated', () => {
    expect(ratingEventsV1['rating.CallReRated'].parse({ ...rated, previousReason: 'no_rate' })).toMatchObject({ previousReason: 'no_rate' });
    expect(() => ratingEventsV1['rating.CallReRated'].parse({ ...rated, previousReason: 'bad luck' })).toThrow();
  });

  it('unrated and unanswered calls may have no customer', () => {
    const base = { callId: 'c', customerId: null, agentId: null, destination: '*97', startedAt: '2025-03-01T12:00:00Z' };
    expect(ratingEventsV1['rating.CallUnrated'].parse({ ...base, account: '42', sipUsername: null, billsec: 3, reason: 'unknown_account' })).toMatchObject({ reason: 'unknown_account' });
    expect(ratingEventsV1['rating.CallUnanswered'].parse({ ...base, disposition: 'busy' })).toMatchObject({ disposition: 'busy' });
    expect(() => ratingEventsV1['rating.CallUnanswered'].parse({ ...base, disposition: 'answered' })).toThrow();
  });

  it('rate-sheet events: markup as a percent string up to 1000, hash as SHA-256 hex', () => {
    const derived = { sheetId: 'a', name: 'Agent A', baseSheetId: 'itc', markupPercent: '12.5', actor: 'admin:itc' };
    expect(ratingEventsV1['rating.DerivedSheetCreated'].parse({ ...derived, markupPercent: '250' })).toMatchObject({ markupPercent: '250' });
    expect(() => ratingEventsV1['rating.DerivedSheetCreated'].parse({ ...derived, markupPercent: '1000.000001' })).toThrow();
    const version = { sheetId: 'itc', versionId: 'v1', effectiveFrom: '2025-03-01T00:00:00Z', rowCount: 200_000, contentHash: 'f'.repeat(64), rounding: { decimals: 4, mode: 'up' }, actor: 'admin:itc' };
    expect(ratingEventsV1['rating.RateSheetVersionImported'].parse(version)).toEqual(version);
    expect(() => ratingEventsV1['rating.RateSheetVersionImported'].parse({ ...version, contentHash: 'F'.repeat(64) })).toThrow();
  });

  it('refuses an unknown type', () => {
    expect(isRatingEventTypeV1('rating.Nope')).toBe(false);
    expect(isRatingEventTypeV1('hasOwnProperty')).toBe(false);
    expect(() => parseRatingEventV1('rating.Nope', {})).toThrow('not a rating v1 event type: "rating.Nope"');
  });
});
