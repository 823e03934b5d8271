// The summary's unratedCallsNow: calls kept unrated now whatever their start (the re-rating
// backlog the dashboard shows), per agent and ITC-direct; a re-rated call leaves it.
import { jest } from '@jest/globals';
import { AGENT_A, AGENT_B, openScenario, type Scenario } from './__fixtures__/scenario.js';
import { waitFor } from './__fixtures__/wait.js';

jest.setTimeout(60_000);

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.cleanup();
  scenario = undefined;
});

it('counts the calls kept unrated now, whatever the range, scoped as the rest of the summary', async () => {
  scenario = await openScenario();
  const s = scenario;
  await s.world.agent(AGENT_A);
  await s.world.agent(AGENT_B);
  await s.world.customer('cust-a1', AGENT_A);
  // two unrated calls of agent A's customer last year, one of an unknown account (ITC's), none of B's
  await s.world.unratedCall('u-1', 'cust-a1', AGENT_A, 30, '2025-01-10T10:00:00.000Z');
  await s.world.unratedCall('u-2', 'cust-a1', AGENT_A, 30, '2025-01-11T10:00:00.000Z');
  await s.world.unratedCall('u-3', 'nobody', null, 30, '2025-01-12T10:00:00.000Z');
  const today = await waitFor(() => s.summary('admin'), (body) => body.totals.unratedCallsNow === 3, 'the three unrated calls');
  expect(today.totals.calls.unrated).toBe(0); // none started today
  expect(today.agents.map((a: { agentId: string; unratedCallsNow: number }) => [a.agentId, a.unratedCallsNow])).toEqual([
    [AGENT_A, 2],
    [AGENT_B, 0],
  ]);
  expect(today.itcDirect.unratedCallsNow).toBe(1);
  expect((await s.summary('agentA')).totals.unratedCallsNow).toBe(2);
  expect((await s.summary('agentB')).totals.unratedCallsNow).toBe(0);

  // re-rated: it is rated now, no longer in the backlog
  await s.world.ratedCall({ callId: 'u-2', customerId: 'cust-a1', agentId: AGENT_A, billsec: 30, cost: '0.1', startedAt: '2025-01-11T10:00:00.000Z' }, '9.9');
  await waitFor(() => s.summary('agentA'), (body) => body.totals.unratedCallsNow === 1, 'the re-rated call out of the backlog');
});
