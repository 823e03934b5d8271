// The read models are projections: emptied and rebuilt from the event log they come back row for
// row as the commits left them — after agents, profiles, batches, settings, statuses and resets.
import { jest } from '@jest/globals';
import { accountsTestAppPerFile } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { READ_MODEL_TABLES } from './read-model.schema.js';
import { rebuildReadModels } from './rebuild.js';

jest.setTimeout(60_000);

const app = accountsTestAppPerFile();

async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const { rows } = await app.pool.query(`SELECT to_jsonb(t)::text AS row FROM "${app.schema}".${table} t ORDER BY 1`);
    tables[table] = rows.map((r: { row: string }) => r.row);
  }
  return tables;
}

it('rebuilding the read models from the events gives the same state', async () => {
  const agent = await registerAgent(app);
  await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { commissionPercent: '3', name: 'Renamed' } });
  const profile = await createProfile(app, agent.token, { name: 'Mine' });
  await app.request('PATCH', `/api/v1/customer-profiles/${profile}`, { token: agent.token, body: { billingType: 'postpaid', creditLimit: '9' } });
  const itc = await createProfile(app, app.adminToken, { rateSheetId: 'sheet-itc' });
  await app.request('POST', `/api/v1/customer-profiles/${itc}/archive`, { token: app.adminToken });
  expectStatus(await app.request('POST', '/api/v1/customers/batch', { token: app.adminToken, body: { profileId: profile, agentId: agent.id, count: 10 } }), 201);
  const { customer } = await openCustomer(app, agent.token, { profileId: profile, contactEmail: 'a@example.com' });
  const base = `/api/v1/customers/${customer.id}`;
  await app.request('POST', `${base}/caller-ids`, { token: agent.token, body: { callerId: '+442079460958' } });
  await app.request('PUT', `${base}/follow-me`, { token: agent.token, body: { enabled: true, targets: [{ destination: '+447700900123', ringSeconds: 15 }] } });
  await app.request('PATCH', `${base}/settings`, { token: agent.token, body: { language: 'fr', contactEmail: null } });
  await app.request('POST', `${base}/sip-password`, { token: agent.token });
  await app.request('POST', `${base}/close`, { token: agent.token, body: { reason: 'moved' } });

  const before = await snapshot();
  expect(before.customers).toHaveLength(11);
  const report = await rebuildReadModels(app.db);
  expect(report.events).toBe(await app.count('events'));
  expect(await snapshot()).toEqual(before);
});
