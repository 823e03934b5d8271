import { ratingEventsV1 } from '@billing/contracts';
import type { CanonicalCdr } from '../cdr/canonical-cdr.js';
import type { RatingEvent } from '../events.js';
import { micros } from '../testing/rows.js';
import { toIntegrationEvent } from './to-integration.js';

const NOW = '2025-03-01T12:01:07.000Z';
const audit = { actor: 'switch', occurredAt: NOW };
const cdr: CanonicalCdr = {
  callId: 'call-1',
  account: '1000000001',
  sipUsername: null,
  callerId: '1000',
  destination: '+44 20 7946 0958',
  startedAt: '2025-03-01T12:00:00.000Z',
  answeredAt: '2025-03-01T12:00:05.000Z',
  endedAt: '2025-03-01T12:01:06.000Z',
  billsecSeconds: 61,
  disposition: 'answered',
};
const rated = {
  callId: 'call-1',
  customerId: 'cust-c',
  agentId: null,
  cdr,
  destinationDigits: '442079460958',
  prefix: '44',
  destinationName: 'United Kingdom',
  sheetId: 'itc',
  versionId: 'v1',
  billedSeconds: 120,
  costMicros: micros('0.2'),
  holdId: 'call-1',
  ...audit,
};

const events: RatingEvent[] = [
  { type: 'CallRated', ...rated },
  { type: 'CallReRated', ...rated, holdId: null, previousReason: 'unknown_account' },
  { type: 'CallUnrated', callId: 'call-1', customerId: null, agentId: null, cdr, reason: 'unknown_account', holdId: null, ...audit },
  { type: 'CallUnanswered', callId: 'call-1', customerId: 'cust-c', agentId: 'agent-a', cdr: { ...cdr, answeredAt: null, billsecSeconds: 0, disposition: 'busy' }, holdId: 'call-1', ...audit },
  { type: 'RateSheetVersionImported', sheetId: 'itc', versionId: 'v1', effectiveFrom: '2025-03-01T00:00:00Z', rowCount: 3, contentHash: 'c'.repeat(64), rounding: { decimals: 4, mode: 'up' }, ...audit },
  { type: 'DerivedSheetCreated', sheetId: 'agent-a', name: 'Agent A', baseSheetId: 'itc', markupMicroPercent: 12_500_000n, ...audit },
];

describe('rating integration events', () => {
  it('a rated call: money as a decimal string, the call stream as the aggregate', () => {
    expect(toIntegrationEvent({ type: 'CallRated', ...rated })).toEqual({
      type: 'rating.CallRated',
      schemaVersion: 1,
      aggregateId: 'call-call-1',
      occurredAt: NOW,
      data: {
        callId: 'call-1',
        customerId: 'cust-c',
        agentId: null,
        destination: '442079460958',
        destinationName: 'United Kingdom',
        prefix: '44',
        startedAt: '2025-03-01T12:00:00.000Z',
        billsec: 61,
        billedSeconds: 120,
        cost: '0.2',
        sheetId: 'itc',
        versionId: 'v1',
        holdId: 'call-1',
        // the SIP user the CDR named (this one named only the account): reports group by it
        sipUsername: null,
      },
    });
  });

  it('every published event satisfies its v1 contract', () => {
    for (const event of events) {
      const published = toIntegrationEvent(event);
      if (published === null) throw new Error(`${event.type} is published`);
      expect(ratingEventsV1[published.type].parse(published.data)).toEqual(published.data);
    }
  });

  it('a re-rated call without hold has no holdId; a derived sheet publishes its markup as a percent string', () => {
    expect(toIntegrationEvent(events[1] as RatingEvent)?.data).not.toHaveProperty('holdId');
    expect(toIntegrationEvent(events[5] as RatingEvent)).toMatchObject({ aggregateId: 'ratesheet-agent-a', data: { markupPercent: '12.5' } });
  });

  it("publishes the agent's cost as money (null when not known) and leaves it out for calls rated before it was recorded", () => {
    const rated = events[0] as Extract<RatingEvent, { type: 'CallRated' }>;
    const known = toIntegrationEvent({ ...rated, agentCostMicros: 240_000n })!;
    expect(known.data).toMatchObject({ agentCost: '0.24' });
    expect(ratingEventsV1['rating.CallRated'].parse(known.data)).toEqual(known.data);
    expect(toIntegrationEvent({ ...rated, agentCostMicros: null })?.data).toMatchObject({ agentCost: null });
    expect(toIntegrationEvent(rated)?.data).not.toHaveProperty('agentCost');
  });

  it("publishes an unanswered call's destination (null when no row matched) and leaves it out for calls recorded before it was kept", () => {
    const unanswered = events[3] as Extract<RatingEvent, { type: 'CallUnanswered' }>;
    const going = toIntegrationEvent({ ...unanswered, destinationName: 'United Kingdom', prefix: '44' })!;
    expect(going.data).toMatchObject({ destinationName: 'United Kingdom', prefix: '44' });
    expect(ratingEventsV1['rating.CallUnanswered'].parse(going.data)).toEqual(going.data);
    const nowhere = toIntegrationEvent({ ...unanswered, destinationName: null, prefix: null })!;
    expect(nowhere.data).toMatchObject({ destinationName: null, prefix: null });
    expect(ratingEventsV1['rating.CallUnanswered'].parse(nowhere.data)).toEqual(nowhere.data);
    expect(toIntegrationEvent(unanswered)?.data).not.toHaveProperty('destinationName');
    expect(toIntegrationEvent(unanswered)?.data).not.toHaveProperty('prefix');
  });

  it('keeps internal events internal', () => {
    expect(toIntegrationEvent({ type: 'BaseSheetCreated', sheetId: 'itc', name: 'ITC', rounding: { decimals: 4, mode: 'up' }, ...audit })).toBeNull();
    expect(toIntegrationEvent({ type: 'MarkupChanged', sheetId: 'a', previousMarkupMicroPercent: 1n, markupMicroPercent: 2n, effectiveFrom: NOW, ...audit })).toBeNull();
    expect(
      toIntegrationEvent({ type: 'CallAuthorized', callId: 'c', customerId: 'x', agentId: null, destinationDigits: '44', prefix: '44', sheetId: 's', versionId: 'v', holdId: null, grantedMicros: 0n, maxDurationSeconds: 60, ...audit }),
    ).toBeNull();
  });
});
