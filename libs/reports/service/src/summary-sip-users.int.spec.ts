// The summary's customer scope (issue 13 §4): `?customerId=` adds that customer's calls, filtered
// by the SIP user that made them (`sipUsername=`) and grouped by it (`groupBy=sipUsername`), from
// rating's events (CallRated, CallUnrated and CallUnanswered name the CDR's SIP user); an agent only
// for its own customers; sipUsername and groupBy need a customer.
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { AGENT_A, AGENT_B, openScenario, type Scenario } from './__fixtures__/scenario.js';
import { waitFor } from './__fixtures__/wait.js';

jest.setTimeout(60_000);

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.cleanup();
  scenario = undefined;
});

it('filters and groups one customer\'s calls by SIP user, within the caller\'s scope', async () => {
  scenario = await openScenario();
  const s = scenario;
  await s.world.agent(AGENT_A);
  await s.world.agent(AGENT_B);
  await s.world.customer('pbx-1', AGENT_A);
  await s.world.customer('other-1', AGENT_A);
  const startedAt = new Date().toISOString();
  const rated = (sipUsername: string | null, cost: string, billsec: number, customerId = 'pbx-1') =>
    s.world.rating.publish('rating.CallRated', {
      callId: `call-${randomUUID()}`,
      customerId,
      agentId: AGENT_A,
      destination: '442079460958',
      destinationName: 'United Kingdom',
      prefix: '44',
      startedAt,
      billsec,
      billedSeconds: billsec,
      cost,
      sheetId: 'rs-base',
      versionId: 'v1',
      sipUsername,
    });
  await rated('desk-1', '1.5', 60);
  await rated('desk-1', '0.5', 30);
  await rated('desk-2', '3', 120);
  await rated(null, '0.25', 15); // from the trunk: no SIP user
  await rated('other-desk', '9', 60, 'other-1');
  await s.world.rating.publish('rating.CallUnanswered', { callId: `call-${randomUUID()}`, customerId: 'pbx-1', agentId: AGENT_A, destination: '442079460958', startedAt, disposition: 'no_answer', sipUsername: 'desk-2' });

  // the reports learn of the customer from accounts' event, rating's calls from rating's: until
  // both arrived (separate topics) the customer is unknown here, a 404 — polled past, not failed
  const grouped = await waitFor(
    () => s.summary('admin', 'customerId=pbx-1&groupBy=sipUsername').catch(() => undefined),
    (body) => body?.customer?.calls.attempts === 5,
    "the customer's five calls",
  );
  expect(grouped.customer.calls).toMatchObject({ attempts: 5, answered: 4, rated: 4, billedSeconds: 225, revenue: '5.25' });
  expect(grouped.customer.bySipUsername.map((row: { sipUsername: string | null; attempts: number; answered: number; revenue: string }) => [row.sipUsername, row.attempts, row.answered, row.revenue])).toEqual([
    ['desk-2', 2, 1, '3'],
    ['desk-1', 2, 2, '2'],
    [null, 1, 1, '0.25'],
  ]);
  // the summary's own sections are unchanged by the scope
  expect(grouped.totals.calls.revenue).toBe('14.25');

  const desk1 = await s.summary('agentA', 'customerId=pbx-1&sipUsername=desk-1');
  expect(desk1.customer).toMatchObject({ customerId: 'pbx-1', sipUsername: 'desk-1', calls: { attempts: 2, revenue: '2', billedSeconds: 90 } });
  expect(desk1.customer.bySipUsername).toBeUndefined();
  expect(desk1.customer.topDestinations).toEqual([{ destination: 'United Kingdom', calls: 2, billedSeconds: 90, billedMinutes: '1.50', revenue: '2' }]);

  // another agent's customer is a 404; sipUsername or groupBy without a customer a 400
  expect((await s.get('agentB', '/api/v1/reports/summary?customerId=pbx-1')).status).toBe(404);
  expect((await s.get('admin', '/api/v1/reports/summary?customerId=nobody')).status).toBe(404);
  expect((await s.get('admin', '/api/v1/reports/summary?sipUsername=desk-1')).status).toBe(400);
  const noCustomer = await s.get('admin', '/api/v1/reports/summary?groupBy=sipUsername');
  expect({ status: noCustomer.status, detail: noCustomer.body.detail }).toEqual({
    status: 400,
    detail: "The query string is invalid — customerId: is required with sipUsername or groupBy (SIP users are a customer's).",
  });
  expect((await s.get('admin', '/api/v1/reports/summary?customerId=pbx-1&groupBy=destination')).status).toBe(400);
});
