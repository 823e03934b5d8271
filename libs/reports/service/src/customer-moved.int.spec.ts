// A call belongs to the agent it was rated for: rating names the customer's agent at the time on
// every CallRated, and the reports keep it per call. A customer whose calls were rated for agent A
// and later for agent B (a customer that changed agents) shows in A's reports with the first
// calls and in B's with the later ones — GET /reports/customers (a row per customer and agent) and
// GET /reports/summary?customerId= alike — and ITC's totals count each call once.
import { jest } from '@jest/globals';
import { AGENT_A, AGENT_B, scenarioPerFile, untilCustomersCalls } from './__fixtures__/scenario.js';

jest.setTimeout(60_000);

const DAY = 'from=2025-03-10&to=2025-03-10';

const scenario = scenarioPerFile(async (world) => {
  await world.at('2025-03-10T08:00:00.000Z').agent(AGENT_A);
  await world.agent(AGENT_B);
  await world.customer('cust-m', AGENT_A);
  // rated for A, then (the customer now B's) for B; the same revenue on each side: a tie the pages must not lose
  await world.at('2025-03-10T09:00:00.000Z').ratedCall({ customerId: 'cust-m', agentId: AGENT_A, billsec: 60, cost: '0.4', agentCost: '0.3' }, '99.6');
  await world.at('2025-03-10T09:10:00.000Z').ratedCall({ customerId: 'cust-m', agentId: AGENT_A, billsec: 120, cost: '0.6', agentCost: '0.5' }, '99');
  await world.at('2025-03-10T15:00:00.000Z').ratedCall({ customerId: 'cust-m', agentId: AGENT_B, billsec: 30, cost: '1', agentCost: '0.7' }, '98');
  await untilCustomersCalls(scenario, DAY, 3);
});

const row = (agentId: string, calls: number, revenue: string, agentCost: string, margin: string) =>
  expect.objectContaining({ customerId: 'cust-m', agentId, calls, revenue, agentCost, margin });

it("GET /reports/customers: A's report has the calls rated for A, B's the later ones; ITC's totals unchanged", async () => {
  const a = await scenario.get('agentA', `/api/v1/reports/customers?${DAY}`);
  expect(a.body.items).toEqual([row(AGENT_A, 2, '1', '0.8', '0.2')]);
  expect(a.body.totals).toMatchObject({ calls: 2, revenue: '1' });
  const b = await scenario.get('agentB', `/api/v1/reports/customers?${DAY}`);
  expect(b.body.items).toEqual([row(AGENT_B, 1, '1', '0.7', '0.3')]);
  expect(b.body.totals).toMatchObject({ calls: 1, revenue: '1' });
  const all = await scenario.get('admin', `/api/v1/reports/customers?${DAY}`);
  expect(all.body.totals).toMatchObject({ calls: 3, revenue: '2', agentCost: '1.5', margin: '0.5' });
  expect(all.body.items).toEqual([row(AGENT_A, 2, '1', '0.8', '0.2'), row(AGENT_B, 1, '1', '0.7', '0.3')]);
  // one row a page: the two rows of equal revenue both come, once each
  const first = await scenario.get('admin', `/api/v1/reports/customers?${DAY}&limit=1`);
  const second = await scenario.get('admin', `/api/v1/reports/customers?${DAY}&limit=1&cursor=${first.body.nextCursor}`);
  expect([...first.body.items, ...second.body.items]).toEqual(all.body.items);
  expect(second.body.nextCursor).toBeNull();
});

it('GET /reports/summary?customerId=: each agent sees the calls rated for it, ITC all of them', async () => {
  const a = await scenario.summary('agentA', `${DAY}&customerId=cust-m`);
  expect(a.customer.calls).toMatchObject({ rated: 2, revenue: '1' });
  expect(a.totals.calls).toMatchObject({ rated: 2, revenue: '1' });
  const b = await scenario.summary('agentB', `${DAY}&customerId=cust-m`);
  expect(b.customer.calls).toMatchObject({ rated: 1, revenue: '1' });
  expect(b.totals.calls).toMatchObject({ rated: 1, revenue: '1' });
  expect((await scenario.summary('admin', `${DAY}&customerId=cust-m`)).customer.calls).toMatchObject({ rated: 3, revenue: '2' });
  expect((await scenario.summary('admin', `${DAY}&customerId=cust-m&agentId=${AGENT_B}`)).customer.calls).toMatchObject({ rated: 1, revenue: '1' });
  const admin = await scenario.summary('admin', DAY);
  expect(admin.totals.calls).toMatchObject({ rated: 3, revenue: '2' });
  expect(admin.agents.map((agent: { agentId: string; calls: { rated: number } }) => [agent.agentId, agent.calls.rated]).sort()).toEqual([
    [AGENT_A, 2],
    [AGENT_B, 1],
  ]);
});
