// GET /api/v1/reports/summary over a known day of events published as the producing services
// publish them (real v1 envelopes through the bus): every figure exact, ranges respected, each
// agent sees only its own, customers are refused.
import { jest } from '@jest/globals';
import { AGENT_A, AGENT_B, scenarioPerFile } from './__fixtures__/scenario.js';
import { waitFor } from './__fixtures__/wait.js';

jest.setTimeout(60_000);

const DAY = 'from=2025-03-10&to=2025-03-10';

const scenario = scenarioPerFile(async (world) => {
  await world.at('2025-03-10T08:00:00.000Z').agent(AGENT_A, 'Acme Telecom');
  await world.agent(AGENT_B, 'Beta Voice');
  await world.customer('cust-a1', AGENT_A);
  await world.customer('cust-a2', AGENT_A);
  await world.customer('cust-b1', AGENT_B);
  await world.customer('cust-itc', null);

  // agent A: two deposits, a transfer (10 % commission), an ITC deposit to its customer, commission moved to main
  await world.at('2025-03-10T10:00:00.000Z').agentDeposit(AGENT_A, '1000', '1000');
  await world.at('2025-03-10T10:05:00.000Z').agentDeposit(AGENT_A, '250.5', '1250.5', { source: 'card' });
  await world.at('2025-03-10T10:10:00.000Z').transfer(AGENT_A, 'cust-a1', '100', { agentAfter: '1150.5', customerAfter: '100' }, { amount: '10', balanceAfter: '10' });
  await world.at('2025-03-10T10:15:00.000Z').customerDeposit('cust-a2', AGENT_A, '50', '50', { amount: '5', balanceAfter: '15' });
  await world.at('2025-03-10T10:20:00.000Z').commissionTransfer(AGENT_A, '15', { commissionAfter: '0', mainAfter: '1165.5' });
  // three calls of agent A's customer, one unanswered
  await world.at('2025-03-10T11:00:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, destinationName: 'United Kingdom', prefix: '44', billsec: 61, billedSeconds: 120, cost: '0.2' }, '99.8');
  await world.at('2025-03-10T11:05:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, destinationName: 'Germany Mobile', prefix: '4915', billsec: 30, cost: '0.085' }, '99.715');
  await world.at('2025-03-10T11:10:00.000Z').unansweredCall('cust-a1', AGENT_A);

  // agent B
  await world.at('2025-03-10T10:30:00.000Z').agentDeposit(AGENT_B, '300', '300');
  await world.at('2025-03-10T10:35:00.000Z').transfer(AGENT_B, 'cust-b1', '40', { agentAfter: '260', customerAfter: '40' }, { amount: '4', balanceAfter: '4' });
  await world.at('2025-03-10T12:00:00.000Z').ratedCall({ customerId: 'cust-b1', agentId: AGENT_B, destinationName: 'France', prefix: '33', billsec: 100, cost: '1.5' }, '38.5');
  await world.at('2025-03-10T12:01:00.000Z').lowBalance('cust-b1', AGENT_B, '4.5');

  // ITC-direct customer
  await world.at('2025-03-10T13:00:00.000Z').customerDeposit('cust-itc', null, '20', '20');
  await world.at('2025-03-10T13:30:00.000Z').ratedCall({ customerId: 'cust-itc', agentId: null, destinationName: 'United Kingdom', prefix: '44', billsec: 60, cost: '0.1' }, '19.9');

  // the next day: outside the range, but it is agent A's current balance
  await world.at('2025-03-11T09:00:00.000Z').agentDeposit(AGENT_A, '999', '2164.5');
  // the day before: outside the range
  await world.at('2025-03-09T23:59:59.999Z').unansweredCall('cust-a1', AGENT_A);

  await waitFor(
    () => scenario.summary('admin', DAY),
    (body) =>
      body.totals.calls.attempts === 5 &&
      body.totals.deposits.count === 5 &&
      body.totals.transfers.count === 2 &&
      body.totals.commissions.accrued.count === 3 &&
      body.totals.commissions.moved.count === 1 &&
      body.totals.lowBalanceCrossings === 1 &&
      body.totals.balances.agentMain === '2424.5' &&
      body.totals.balances.agentCommission === '4' &&
      body.totals.balances.customers.total === '208.115' &&
      body.totals.balances.customers.count === 4 &&
      body.agents.every((agent: { name: string | null }) => agent.name !== null),
    'every event of the day projected',
  );
  // the out-of-range call (the day before) has been consumed too: it is in the previous day's report
  await waitFor(() => scenario.summary('admin', 'from=2025-03-09&to=2025-03-09'), (body) => body.totals.calls.attempts === 1, 'the previous day');
});

const none = { count: 0, amount: '0' };

const agentA = {
  agentId: AGENT_A,
  name: 'Acme Telecom',
  deposits: {
    count: 3,
    amount: '1300.5',
    toAgents: { count: 2, amount: '1250.5' },
    toCustomers: { count: 1, amount: '50' },
    bySource: { manual: { count: 2, amount: '1050' }, card: { count: 1, amount: '250.5' }, initial: none },
    reversed: none,
  },
  transfers: { count: 1, amount: '100' },
  commissions: { accrued: { count: 2, amount: '15' }, moved: { count: 1, amount: '15' }, reversed: none },
  calls: {
    attempts: 3,
    answered: 2,
    unanswered: 1,
    rated: 2,
    unrated: 0,
    asr: '66.67',
    acdSeconds: '45.50',
    talkSeconds: 91,
    billedSeconds: 150,
    billedMinutes: '2.50',
    revenue: '0.285',
  },
  topDestinations: [
    { destination: 'United Kingdom', calls: 1, billedSeconds: 120, billedMinutes: '2.00', revenue: '0.2' },
    { destination: 'Germany Mobile', calls: 1, billedSeconds: 30, billedMinutes: '0.50', revenue: '0.085' },
  ],
  lowBalanceCrossings: 0,
  unratedCallsNow: 0,
  balances: { agentMain: '2164.5', agentCommission: '0', customers: { count: 2, total: '149.715' } },
};

const agentB = {
  agentId: AGENT_B,
  name: 'Beta Voice',
  deposits: {
    count: 1,
    amount: '300',
    toAgents: { count: 1, amount: '300' },
    toCustomers: none,
    bySource: { manual: { count: 1, amount: '300' }, card: none, initial: none },
    reversed: none,
  },
  transfers: { count: 1, amount: '40' },
  commissions: { accrued: { count: 1, amount: '4' }, moved: none, reversed: none },
  calls: {
    attempts: 1,
    answered: 1,
    unanswered: 0,
    rated: 1,
    unrated: 0,
    asr: '100.00',
    acdSeconds: '100.00',
    talkSeconds: 100,
    billedSeconds: 100,
    billedMinutes: '1.67',
    revenue: '1.5',
  },
  topDestinations: [{ destination: 'France', calls: 1, billedSeconds: 100, billedMinutes: '1.67', revenue: '1.5' }],
  lowBalanceCrossings: 1,
  unratedCallsNow: 0,
  balances: { agentMain: '260', agentCommission: '4', customers: { count: 1, total: '38.5' } },
};

const { agentId: _a, name: _n, ...agentASection } = agentA;
const { agentId: _b, name: _m, ...agentBSection } = agentB;

describe('admin', () => {
  it('gets exact totals, a per-agent breakdown and ITC-direct for one UTC day', async () => {
    const body = await scenario.summary('admin', DAY);
    expect(body.from).toBe('2025-03-10T00:00:00.000Z');
    expect(body.to).toBe('2025-03-11T00:00:00.000Z');
    expect(body.topBy).toBe('revenue');
    expect(body.totals).toEqual({
      deposits: {
        count: 5,
        amount: '1620.5',
        toAgents: { count: 3, amount: '1550.5' },
        toCustomers: { count: 2, amount: '70' },
        bySource: { manual: { count: 4, amount: '1370' }, card: { count: 1, amount: '250.5' }, initial: none },
        reversed: none,
      },
      transfers: { count: 2, amount: '140' },
      commissions: { accrued: { count: 3, amount: '19' }, moved: { count: 1, amount: '15' }, reversed: none },
      calls: {
        attempts: 5,
        answered: 4,
        unanswered: 1,
        rated: 4,
        unrated: 0,
        asr: '80.00',
        acdSeconds: '62.75',
        talkSeconds: 251,
        billedSeconds: 310,
        billedMinutes: '5.17',
        revenue: '1.885',
      },
      topDestinations: [
        { destination: 'France', calls: 1, billedSeconds: 100, billedMinutes: '1.67', revenue: '1.5' },
        { destination: 'United Kingdom', calls: 2, billedSeconds: 180, billedMinutes: '3.00', revenue: '0.3' },
        { destination: 'Germany Mobile', calls: 1, billedSeconds: 30, billedMinutes: '0.50', revenue: '0.085' },
      ],
      lowBalanceCrossings: 1,
      unratedCallsNow: 0,
      balances: { agentMain: '2424.5', agentCommission: '4', customers: { count: 4, total: '208.115' } },
    });
    expect(body.agents).toEqual([agentA, agentB]);
    expect(body.itcDirect).toEqual({
      deposits: {
        count: 1,
        amount: '20',
        toAgents: none,
        toCustomers: { count: 1, amount: '20' },
        bySource: { manual: { count: 1, amount: '20' }, card: none, initial: none },
        reversed: none,
      },
      transfers: none,
      commissions: { accrued: none, moved: none, reversed: none },
      calls: { attempts: 1, answered: 1, unanswered: 0, rated: 1, unrated: 0, asr: '100.00', acdSeconds: '60.00', talkSeconds: 60, billedSeconds: 60, billedMinutes: '1.00', revenue: '0.1' },
      topDestinations: [{ destination: 'United Kingdom', calls: 1, billedSeconds: 60, billedMinutes: '1.00', revenue: '0.1' }],
      lowBalanceCrossings: 0,
      unratedCallsNow: 0,
      balances: { agentMain: null, agentCommission: null, customers: { count: 1, total: '19.9' } },
    });
  });

  it('filters by agent', async () => {
    const body = await scenario.summary('admin', `${DAY}&agentId=${AGENT_B}`);
    expect(body.totals).toEqual(agentBSection);
    expect(body.agents).toEqual([agentB]);
    expect(body.itcDirect).toBeUndefined();
  });

  it('ranks top destinations by minutes on request', async () => {
    const body = await scenario.summary('admin', `${DAY}&topBy=minutes`);
    expect(body.topBy).toBe('minutes');
    expect(body.totals.topDestinations.map((d: { destination: string }) => d.destination)).toEqual(['United Kingdom', 'France', 'Germany Mobile']);
  });

  it('takes instants, `to` exclusive: a range that ends before the calls has no traffic but the same balances', async () => {
    const body = await scenario.summary('admin', 'from=2025-03-10T10:00:00Z&to=2025-03-10T10:10:00%2B00:00');
    expect(body.totals.deposits).toMatchObject({ count: 2, amount: '1250.5' });
    expect(body.totals.transfers).toEqual(none); // at 10:10, the exclusive end
    expect(body.totals.calls).toMatchObject({ attempts: 0, answered: 0, asr: null, acdSeconds: null, revenue: '0', billedMinutes: '0.00' });
    expect(body.totals.topDestinations).toEqual([]);
    expect(body.totals.balances.agentMain).toBe('2424.5');
  });

  it('answers 404 for an agent it does not know', async () => {
    const res = await scenario.get('admin', `/api/v1/reports/summary?${DAY}&agentId=agent-nobody`);
    expect(res.status).toBe(404);
    expect(res.contentType).toContain('application/problem+json');
  });
});

describe('agent', () => {
  it('sees its own figures only', async () => {
    const body = await scenario.summary('agentA', DAY);
    expect(body.totals).toEqual(agentASection);
    expect(body.agents).toEqual([agentA]);
    expect(body.itcDirect).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(AGENT_B);
    expect(JSON.stringify(body)).not.toContain('France');

    const b = await scenario.summary('agentB', DAY);
    expect(b.totals).toEqual(agentBSection);
    expect(JSON.stringify(b)).not.toContain(AGENT_A);
  });

  it('may name itself, gets 404 for another agent', async () => {
    expect((await scenario.summary('agentA', `${DAY}&agentId=${AGENT_A}`)).totals).toEqual(agentASection);
    const res = await scenario.get('agentA', `/api/v1/reports/summary?${DAY}&agentId=${AGENT_B}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('refusals', () => {
  it('refuses customers (403) and anonymous callers (401)', async () => {
    const customer = await scenario.get('customer', `/api/v1/reports/summary?${DAY}`);
    expect(customer.status).toBe(403);
    expect(customer.contentType).toContain('application/problem+json');
    const anonymous = await scenario.gateway.request('GET', `/api/v1/reports/summary?${DAY}`);
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['to before from', 'from=2025-03-10&to=2025-03-09', '/to'],
    ['an empty range', 'from=2025-03-10T10:00:00Z&to=2025-03-10T10:00:00Z', '/to'],
    ['more than 366 days', 'from=2024-01-01&to=2025-01-02', '/to'],
    ['an impossible date', 'from=2025-02-30', '/from'],
    ['a date-time without offset', 'from=2025-03-10T10:00:00', '/from'],
    ['an unknown parameter', 'since=2025-03-10', '/since'],
    ['an unknown ranking', 'topBy=calls', '/topBy'],
  ])('answers 400 for %s', async (_what, query, path) => {
    const res = await scenario.get('admin', `/api/v1/reports/summary?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('accepts exactly 366 days', async () => {
    const body = await scenario.summary('admin', 'from=2024-01-01&to=2024-12-31');
    expect(body.to).toBe('2025-01-01T00:00:00.000Z');
  });

  it('defaults to today (UTC)', async () => {
    const body = await scenario.summary('admin');
    const today = new Date().toISOString().slice(0, 10);
    expect(body.from).toBe(`${today}T00:00:00.000Z`);
    expect(new Date(body.to).getTime() - new Date(body.from).getTime()).toBe(86_400_000);
  });
});
