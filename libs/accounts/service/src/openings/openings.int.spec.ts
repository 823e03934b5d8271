// Accounts' openings API over HTTP, as the wallet and rating processes call it (RemoteAccountsOpenings,
// switch key): the event that opened a customer (by id, account number or SIP username) or
// registered an agent — exactly what the relay publishes, same event id — or null.
import { agentStreamId, customerStreamId } from '@billing/accounts-domain';
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { startAccountsTestApp, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { accountsIntegrationMapper } from '../infrastructure/accounts-relay.js';
import { RemoteAccountsOpenings } from './remote-accounts-openings.js';

describe('GET /internal/accounts/openings', () => {
  let app: AccountsTestApp;
  let remote: RemoteAccountsOpenings;

  beforeAll(async () => {
    app = await startAccountsTestApp();
    remote = new RemoteAccountsOpenings({ accountsUrl: app.gw.baseUrl, apiKey: TEST_SWITCH_API_KEY });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  const published = async (streamId: string) => accountsIntegrationMapper((await app.db.store.readStream(streamId, 0, 1))[0]!);

  it('answers the opening event of a customer by id, account number or SIP username, and of an agent', async () => {
    const agent = await registerAgent(app);
    const profileId = await createProfile(app, agent.token, { initialBalance: '0' });
    const opened = await openCustomer(app, agent.token, { profileId });
    const customer = opened.customer;

    const expected = await published(customerStreamId(customer.id));
    expect(expected).toMatchObject({ type: 'accounts.CustomerOpened', aggregateId: customer.id });
    expect(await remote.opening({ account: customer.id })).toEqual(expected);
    expect(await remote.opening({ account: customer.accountNumber })).toEqual(expected);
    expect(await remote.opening({ sipUsername: customer.sipUsername })).toEqual(expected);

    const registered = await remote.opening({ agentId: agent.id });
    expect(registered).toEqual(await published(agentStreamId(agent.id)));
    expect(registered).toMatchObject({ type: 'accounts.AgentRegistered', aggregateId: agent.id });
  });

  it('answers null for what accounts does not know, 400 for anything but one key, 403 for a person', async () => {
    expect(await remote.opening({ account: 'no-such-customer' })).toBeNull();
    expect(await remote.opening({ sipUsername: 'no-such-user' })).toBeNull();
    expect(await remote.opening({ agentId: 'no-such-agent' })).toBeNull();
    const both = await app.request('GET', '/api/v1/internal/accounts/openings?account=a&agentId=b', { token: TEST_SWITCH_API_KEY });
    expect({ status: both.status, code: both.body.code }).toEqual({ status: 400, code: 'validation' });
    const none = await app.request('GET', '/api/v1/internal/accounts/openings', { token: TEST_SWITCH_API_KEY });
    expect(none.status).toBe(400);
    expect((await app.request('GET', '/api/v1/internal/accounts/openings?agentId=x', { token: app.adminToken })).status).toBe(403);
  });
});
