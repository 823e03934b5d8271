import { spec } from '@billing/decider/testing';
import type { CanonicalCdr } from '../cdr/canonical-cdr.js';
import { buildRateTable } from '../lookup/rate-table.js';
import { micros, row, UP4 } from '../testing/rows.js';
import { resolvePricing, type CallPricing } from './call-pricing.js';
import { callOwner } from './call-owner.js';
import type { CallCommand } from './call.commands.js';
import { callDecider } from './call.decider.js';
import type { CallEvent } from './call.events.js';

const calls = spec(callDecider);
const NOW = '2025-03-01T12:01:07.000Z';
const meta = { actor: 'switch', now: NOW };
const audit = { actor: 'switch', occurredAt: NOW };

const CDR: CanonicalCdr = {
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
const UNANSWERED: CanonicalCdr = { ...CDR, answeredAt: null, billsecSeconds: 0, disposition: 'busy' };

const uk = row('0', 0, [0, '0.10', 60]);
const priced: CallPricing = { kind: 'priced', customerId: 'cust-c', agentId: 'agent-a', sheetId: 'itc', versionId: 'v1', row: uk, rounding: UP4 };
const noRate: CallPricing = { kind: 'unpriced', customerId: 'cust-c', agentId: 'agent-a', reason: 'no_rate' };
const unknownAccount: CallPricing = { kind: 'unpriced', customerId: null, agentId: null, reason: 'unknown_account' };

const authorize: CallCommand = {
  type: 'AuthorizeCall',
  callId: 'call-1',
  customerId: 'cust-c',
  agentId: 'agent-a',
  destinationDigits: '442079460958',
  prefix: '44',
  sheetId: 'itc',
  versionId: 'v1',
  holdId: 'call-1',
  grantedMicros: micros('18'),
  maxDurationSeconds: 10_800,
  meta,
};
const authorized: CallEvent = {
  type: 'CallAuthorized',
  callId: 'call-1',
  customerId: 'cust-c',
  agentId: 'agent-a',
  destinationDigits: '442079460958',
  prefix: '44',
  sheetId: 'itc',
  versionId: 'v1',
  holdId: 'call-1',
  grantedMicros: micros('18'),
  maxDurationSeconds: 10_800,
  ...audit,
};
const record = (cdr: CanonicalCdr, pricing: CallPricing = priced): CallCommand => ({ type: 'RecordCdr', cdr, pricing, meta });
const rated = (holdId: string | null): CallEvent => ({
  type: 'CallRated',
  callId: 'call-1',
  customerId: 'cust-c',
  agentId: 'agent-a',
  cdr: CDR,
  destinationDigits: '442079460958',
  prefix: '44',
  destinationName: 'United Kingdom',
  sheetId: 'itc',
  versionId: 'v1',
  billedSeconds: 120,
  costMicros: micros('0.2'),
  agentCostMicros: null,
  holdId,
  ...audit,
});
const unrated = (pricing: Extract<CallPricing, { kind: 'unpriced' }>): CallEvent => ({
  type: 'CallUnrated',
  callId: 'call-1',
  customerId: pricing.customerId,
  agentId: pricing.agentId,
  cdr: CDR,
  reason: pricing.reason,
  holdId: null,
  ...audit,
});

describe('authorizing a call', () => {
  it('records the grant and the hold', () => {
    calls.given([]).when(authorize).then([authorized]);
  });

  it('a retried authorization with the same terms changes nothing; other terms are refused', () => {
    calls.given([authorized]).when(authorize).thenNothing();
    calls.given([authorized]).when({ ...authorize, grantedMicros: micros('5') }).thenRejects('call already authorized with other terms', 'call_already_authorized');
    // the same call id for another number is another call, even with an equal grant
    calls.given([authorized]).when({ ...authorize, destinationDigits: '4420794609', prefix: '44' }).thenRejects('call already authorized with other terms', 'call_already_authorized');
  });

  it('is refused once the CDR is in', () => {
    calls.given([rated(null)]).when(authorize).thenRejects('call already has its CDR', 'call_already_ended');
  });

  it('refuses a negative grant or a duration above one day', () => {
    calls.given([]).when({ ...authorize, grantedMicros: -1n }).thenRejects(/granted amount must not be negative/, 'invalid_authorization');
    calls.given([]).when({ ...authorize, maxDurationSeconds: 86_401 }).thenRejects(/maximum duration/, 'invalid_authorization');
  });
});

describe('recording a CDR', () => {
  it('rates an answered call with the engine (61 s at 0.10/min in 60 s blocks = 0.20)', () => {
    calls.given([]).when(record(CDR)).then([rated(null)]);
  });

  it('carries the hold of the authorization, for the wallet to settle', () => {
    calls.given([authorized]).when(record(CDR)).then([rated('call-1')]);
  });

  it('an unanswered call is recorded at zero, with its owner and where it was going (the row a rated call would have) when known', () => {
    const going = { destinationName: uk.destination, prefix: uk.prefix };
    calls.given([authorized]).when(record(UNANSWERED)).then([{ type: 'CallUnanswered', callId: 'call-1', customerId: 'cust-c', agentId: 'agent-a', cdr: UNANSWERED, ...going, holdId: 'call-1', ...audit }]);
    const nowhere = { destinationName: null, prefix: null };
    calls.given([]).when(record(UNANSWERED, unknownAccount)).then([{ type: 'CallUnanswered', callId: 'call-1', customerId: null, agentId: null, cdr: UNANSWERED, ...nowhere, holdId: null, ...audit }]);
    calls.given([]).when(record(UNANSWERED, noRate)).then([{ type: 'CallUnanswered', callId: 'call-1', customerId: 'cust-c', agentId: 'agent-a', cdr: UNANSWERED, ...nowhere, holdId: null, ...audit }]);
  });

  it('an unanswered call recorded before its destination was kept still reads: the same CDR again decides nothing', () => {
    const legacy: CallEvent = { type: 'CallUnanswered', callId: 'call-1', customerId: 'cust-c', agentId: 'agent-a', cdr: UNANSWERED, holdId: null, ...audit };
    calls.given([legacy]).when(record(UNANSWERED)).thenNothing();
  });

  it('an answered call that cannot be priced is kept unrated with its reason, never dropped', () => {
    calls.given([]).when(record(CDR, noRate)).then([unrated(noRate)]);
    calls.given([]).when(record(CDR, unknownAccount)).then([unrated(unknownAccount)]);
  });

  it("records the agent's cost: the same talk time at the agent's row and rounding (61 s in 30 s blocks = 90 s at 0.06/min = 0.09); null without it", () => {
    const agentRow = row('0', 0, [0, '0.06', 30]);
    const withAgentPrice: CallPricing = { ...priced, agentPrice: { sheetId: 'agent-sheet', versionId: 'v9', row: agentRow, rounding: UP4 } };
    const [event] = calls.given([]).when(record(CDR, withAgentPrice)).events();
    expect(event).toMatchObject({ type: 'CallRated', costMicros: micros('0.2'), agentCostMicros: micros('0.09') });
    const [unknown] = calls.given([]).when(record(CDR, { ...priced, agentPrice: null })).events();
    expect(unknown).toMatchObject({ type: 'CallRated', agentCostMicros: null });
  });

  it('an answered call of 0 s is rated at zero', () => {
    const zero = { ...CDR, billsecSeconds: 0 };
    const [event] = calls.given([]).when(record(zero)).events();
    expect(event).toMatchObject({ type: 'CallRated', costMicros: 0n, billedSeconds: 0 });
  });

  it('refuses a CDR that ends later than now plus the switch clock skew (5 min): the call has not happened (acceptance F)', () => {
    const inFuture = { ...CDR, startedAt: '2030-01-01T00:00:00.000Z', answeredAt: '2030-01-01T00:00:05.000Z', endedAt: '2030-01-01T00:01:06.000Z' };
    calls.given([]).when(record(inFuture)).thenRejects(/the call ends at 2030-01-01T00:01:06.000Z, later than now \(2025-03-01T12:01:07.000Z\) plus the 300 s/, 'cdr_in_future');
    calls.given([]).when(record({ ...UNANSWERED, endedAt: '2025-03-01T12:06:07.001Z' })).thenRejects(/later than now/, 'cdr_in_future');
    // within the skew: a switch clock a little ahead is accepted
    const ahead = { ...CDR, endedAt: '2025-03-01T12:06:07.000Z', billsecSeconds: 61 };
    expect(calls.given([]).when(record(ahead)).events()).toHaveLength(1);
  });

  describe('dedupe: one call, one outcome', () => {
    it.each([
      ['rated', [rated(null)]],
      ['unrated', [unrated(noRate)]],
    ])('the same CDR again after it was %s decides nothing', (_what, given) => {
      calls.given(given).when(record(CDR)).thenNothing();
    });

    it('the same CDR spelled differently (caller id, end time, sub-second start) is the same CDR', () => {
      calls.given([rated(null)]).when(record({ ...CDR, callerId: 'anonymous', endedAt: '2025-03-01T12:01:06.900Z', startedAt: '2025-03-01T12:00:00.300Z' })).thenNothing();
    });

    it('a CDR with other billing facts for the same call is a conflict, never a second charge', () => {
      calls.given([rated(null)]).when(record({ ...CDR, billsecSeconds: 62 })).thenRejects('a different CDR was already recorded for this call', 'cdr_conflict');
      calls.given([rated(null)]).when(record(UNANSWERED)).thenRejects('a different CDR was already recorded for this call', 'cdr_conflict');
    });
  });

  it('a row that does not match the destination is the service bug: no charge', () => {
    const wrong: CallPricing = { ...priced, row: { ...uk, prefix: '33' } };
    expect(() => calls.given([]).when(record(CDR, wrong)).events()).toThrow('row 33 does not match destination "+44 20 7946 0958"');
  });
});

describe('re-rating an unrated call', () => {
  const reRate = (pricing: CallPricing): CallCommand => ({ type: 'ReRateCall', callId: 'call-1', pricing, meta });

  it('rates it once the sheet or account is fixed', () => {
    const { type: _type, ...fields } = rated(null) as Extract<CallEvent, { type: 'CallRated' }>;
    calls.given([unrated(noRate)]).when(reRate(priced)).then([{ type: 'CallReRated', ...fields, previousReason: 'no_rate' }]);
  });

  it('the same reason again decides nothing; another reason is recorded', () => {
    calls.given([unrated(noRate)]).when(reRate(noRate)).thenNothing();
    calls.given([unrated(unknownAccount)]).when(reRate(noRate)).then([unrated(noRate)]);
  });

  it.each([
    ['a rated call: final', [rated(null)], 'call already rated: a rated call is final', 'call_already_rated'],
    ['an unanswered call', [{ type: 'CallUnanswered', callId: 'call-1', customerId: null, agentId: null, cdr: UNANSWERED, holdId: null, ...audit } as CallEvent], 'an unanswered call has nothing to rate', 'call_unanswered'],
    ['a call without a CDR', [authorized], 'no CDR recorded for this call', 'call_not_found'],
  ])('refuses %s', (_what, given, message, code) => {
    calls.given(given).when(reRate(priced)).thenRejects(message, code);
  });

  it('a re-rated call is rated: the same CDR again decides nothing', () => {
    const { type: _type, ...fields } = rated(null) as Extract<CallEvent, { type: 'CallRated' }>;
    calls.given([unrated(noRate), { type: 'CallReRated', ...fields, previousReason: 'no_rate' }]).when(record(CDR)).thenNothing();
  });
});

describe('resolvePricing: why a call cannot be rated, in order', () => {
  const table = buildRateTable([uk, { ...uk, prefix: '4420', destination: 'London' }], UP4);
  const tariff = { sheetId: 'itc', versionId: 'v1', table };
  const active = { customerId: 'cust-c', agentId: 'agent-a', status: 'active' as const };

  it('prices with the longest prefix of the normalised number', () => {
    expect(resolvePricing(active, '0044 20 7946 0958', tariff)).toMatchObject({ kind: 'priced', customerId: 'cust-c', row: { prefix: '4420', destination: 'London' }, rounding: UP4 });
  });

  it.each([
    ['unknown_account', null, '442079460958', tariff],
    ['account_mismatch', 'account_mismatch' as const, '442079460958', tariff],
    ['account_closed', { ...active, status: 'closed' as const }, '442079460958', tariff],
    ['account_suspended', { ...active, status: 'suspended' as const }, 'nonsense', null],
    ['invalid_destination', active, '*97', null],
    ['no_rate_sheet', active, '442079460958', null],
    ['no_rate', active, '33123456789', tariff],
  ])('%s', (reason, customer, destination, withTariff) => {
    expect(resolvePricing(customer, destination, withTariff)).toMatchObject({ kind: 'unpriced', reason });
  });

  it('a mismatched call is attributed to no customer: no one is charged for it', () => {
    expect(resolvePricing('account_mismatch', '442079460958', tariff)).toEqual({ kind: 'unpriced', customerId: null, agentId: null, reason: 'account_mismatch' });
  });
});

describe('callOwner: an account and a SIP username must name one customer (issue 12 §3)', () => {
  const holder = { customerId: 'holder' };
  const other = { customerId: 'other' };
  const names = (account: string | null, sipUsername: string | null) => ({ account, sipUsername });

  it.each([
    ['only an account', names('1001', null), holder, null, holder],
    ['only a SIP username', names(null, 'alice'), null, holder, holder],
    ['both, the same customer', names('1001', 'alice'), holder, { customerId: 'holder' }, holder],
    ['both, two customers', names('1001', 'bob'), holder, other, 'account_mismatch'],
    ['an account and an unknown SIP username', names('1001', 'ghost'), holder, null, 'account_mismatch'],
    ['an unknown account and a SIP username', names('9999', 'alice'), null, holder, 'account_mismatch'],
    ['both unknown', names('9999', 'ghost'), null, null, 'unknown_account'],
    ['an unknown account alone', names('9999', null), null, null, 'unknown_account'],
  ])('%s', (_what, named, byAccount, bySipUsername, expected) => {
    expect(callOwner(named, byAccount, bySipUsername)).toEqual(expected);
  });

  it('a name the call does not carry is never used, whatever the lookup found', () => {
    expect(callOwner(names('1001', null), holder, other)).toBe(holder);
    expect(callOwner(names(null, 'alice'), other, holder)).toBe(holder);
  });
});
