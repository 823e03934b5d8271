// GET /api/v1/reports/customers: per customer over a period, what it paid for its rated calls
// (revenue) and what the same calls cost its agent (rating's agentCost: the agent's own sheet),
// the agent's margin over the calls whose cost is known and the rest shown apart as unknown —
// ranked by revenue, paged, each agent only its own customers, ITC all or one agent or ITC-direct.
import { jest } from '@jest/globals';
import { AGENT_A, AGENT_B, scenarioPerFile, untilCustomersCalls } from './__fixtures__/scenario.js';

jest.setTimeout(60_000);

const DAY = 'from=2025-03-10&to=2025-03-10';

const scenario = scenarioPerFile(async (world) => {
  await world.at('2025-03-10T08:00:00.000Z').agent(AGENT_A, 'Acme Telecom');
  await world.agent(AGENT_B, 'Beta Voice');
  await world.customer('cust-a1', AGENT_A);
  await world.customer('cust-a2', AGENT_A);
  await world.customer('cust-b1', AGENT_B);
  await world.customer('cust-itc', null);
  // agent A's customers: a1 two calls with the agent's cost known, one rated before rating recorded it (absent)
  await world.at('2025-03-10T11:00:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 61, billedSeconds: 120, cost: '0.3', agentCost: '0.24' }, '99.7');
  await world.at('2025-03-10T11:05:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 30, cost: '0.1', agentCost: '0.08' }, '99.6');
  await world.at('2025-03-10T11:06:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 60, cost: '0.05' }, '99.55');
  // a2: more revenue; one call whose agent rate is unknown (null)
  await world.at('2025-03-10T11:10:00.000Z').ratedCall({ customerId: 'cust-a2', agentId: AGENT_A, billsec: 600, cost: '2.5', agentCost: '2' }, '47.5');
  await world.at('2025-03-10T11:11:00.000Z').ratedCall({ customerId: 'cust-a2', agentId: AGENT_A, billsec: 60, cost: '0.5', agentCost: null }, '47');
  await world.at('2025-03-10T11:12:00.000Z').unansweredCall('cust-a2', AGENT_A);
  // agent B's and ITC's customers; and a call of a1 the next day (outside the range)
  await world.at('2025-03-10T12:00:00.000Z').ratedCall({ customerId: 'cust-b1', agentId: AGENT_B, billsec: 100, cost: '1.5', agentCost: '1.2' }, '38.5');
  await world.at('2025-03-10T13:00:00.000Z').ratedCall({ customerId: 'cust-itc', agentId: null, billsec: 60, cost: '0.1', agentCost: null }, '19.9');
  await world.at('2025-03-11T09:00:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 60, cost: '9', agentCost: '1' }, '90.55');
  await untilCustomersCalls(scenario, DAY, 7);
});

it("gives an agent its customers' revenue, its cost and margin, by revenue, unknown costs apart (never as 0)", async () => {
  const res = await scenario.get('agentA', `/api/v1/reports/customers?${DAY}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.body).toEqual({
    from: '2025-03-10T00:00:00.000Z',
    to: '2025-03-11T00:00:00.000Z',
    totals: { calls: 5, billedSeconds: 870, billedMinutes: '14.50', revenue: '3.45', agentCost: '2.32', margin: '0.58', unknownCost: { calls: 2, revenue: '0.55' } },
    items: [
      {
        customerId: 'cust-a2',
        accountNumber: expect.any(String),
        agentId: AGENT_A,
        calls: 2,
        billedSeconds: 660,
        billedMinutes: '11.00',
        revenue: '3',
        agentCost: '2',
        margin: '0.5',
        unknownCost: { calls: 1, revenue: '0.5' },
      },
      {
        customerId: 'cust-a1',
        accountNumber: expect.any(String),
        agentId: AGENT_A,
        calls: 3,
        billedSeconds: 210,
        billedMinutes: '3.50',
        revenue: '0.45',
        agentCost: '0.32',
        margin: '0.08',
        unknownCost: { calls: 1, revenue: '0.05' },
      },
    ],
    nextCursor: null,
  });
});

it('gives ITC every customer, one agent, or ITC-direct (whose agent cost is unknown), page by page', async () => {
  const all = await scenario.get('admin', `/api/v1/reports/customers?${DAY}&limit=2`);
  expect(all.body.items.map((item: { customerId: string }) => item.customerId)).toEqual(['cust-a2', 'cust-b1']);
  expect(all.body.totals).toMatchObject({ calls: 7, revenue: '5.05', agentCost: '3.52', unknownCost: { calls: 3, revenue: '0.65' } });
  const next = await scenario.get('admin', `/api/v1/reports/customers?${DAY}&limit=2&cursor=${all.body.nextCursor}`);
  expect(next.body.items.map((item: { customerId: string }) => item.customerId)).toEqual(['cust-a1', 'cust-itc']);
  expect(next.body.nextCursor).toBeNull();
  const direct = await scenario.get('admin', `/api/v1/reports/customers?${DAY}&agentId=itc`);
  expect(direct.body.items).toEqual([
    { customerId: 'cust-itc', accountNumber: expect.any(String), agentId: null, calls: 1, billedSeconds: 60, billedMinutes: '1.00', revenue: '0.1', agentCost: null, margin: null, unknownCost: { calls: 1, revenue: '0.1' } },
  ]);
  expect((await scenario.get('admin', `/api/v1/reports/customers?${DAY}&agentId=${AGENT_B}`)).body.items.map((item: { margin: string }) => item.margin)).toEqual(['0.3']);
});

it('refuses another agent, customers, bad ranges and cursors', async () => {
  expect((await scenario.get('agentA', `/api/v1/reports/customers?${DAY}&agentId=${AGENT_B}`)).status).toBe(404);
  expect((await scenario.get('agentA', `/api/v1/reports/customers?${DAY}&agentId=itc`)).status).toBe(404);
  expect((await scenario.get('customer', `/api/v1/reports/customers?${DAY}`)).status).toBe(403);
  const range = await scenario.get('admin', '/api/v1/reports/customers?from=2025-03-10&to=2025-03-09');
  expect([range.status, range.body.code, range.body.errors[0].path]).toEqual([400, 'validation', '/to']);
  const cursor = await scenario.get('admin', `/api/v1/reports/customers?${DAY}&cursor=bm9wZQ`);
  expect([cursor.status, cursor.body.code]).toEqual([400, 'invalid_cursor']);
  expect(scenario.gateway.undocumentedProblems()).toEqual([]);
});
