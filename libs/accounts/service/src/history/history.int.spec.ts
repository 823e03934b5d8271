// Accounts' history API over HTTP, as the wallet and rating processes call it (readAccountsHistory
// + callServiceJson, switch key): every integration event of a customer (by id, account number or
// any SIP username) or of an agent — exactly what the relay publishes, same ids, oldest first — or
// nothing. A SIP user added after the opening is in it, so a consumer that applies it knows the user.
import { agentStreamId, customerStreamId } from '@billing/accounts-domain';
import { AccountsHistoryResponseV1, readAccountsHistory, type AccountsHistoryKeyV1, type IntegrationEvent } from '@billing/contracts';
import { callServiceJson, isServiceUnreachable, TEST_INTERNAL_SERVICE_KEY, TEST_SWITCH_API_KEY } from '@billing/gateway';
import { startAccountsTestApp, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { accountsIntegrationMapper } from '../infrastructure/accounts-relay.js';

describe('GET /internal/accounts/history', () => {
  let app: AccountsTestApp;

  beforeAll(async () => {
    app = await startAccountsTestApp();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  const overHttp = (key: AccountsHistoryKeyV1, baseUrl = app.gw.baseUrl) =>
    readAccountsHistory(key, (path) => callServiceJson({ baseUrl, path, apiKey: TEST_INTERNAL_SERVICE_KEY, timeoutMs: 2_000, schema: AccountsHistoryResponseV1 }));
  const published = async (streamId: string) =>
    (await app.db.store.readStream(streamId)).map(accountsIntegrationMapper).filter((event): event is IntegrationEvent => event !== null);

  it("answers a customer's whole history (opening, then a SIP user added later) by id, account number or any SIP username, and an agent's", async () => {
    const agent = await registerAgent(app);
    const profileId = await createProfile(app, agent.token, { initialBalance: '0' });
    const { customer } = await openCustomer(app, agent.token, { profileId });
    const added = await app.request('POST', `/api/v1/customers/${customer.id}/sip-users`, { token: agent.token, body: { sipUsername: 'history-user-2' } });
    expect(added.status).toBe(201);

    const expected = await published(customerStreamId(customer.id));
    expect(expected.map((event) => event.type)).toEqual(['accounts.CustomerOpened', 'accounts.SipUserChanged']);
    expect(await overHttp({ account: customer.id })).toEqual(expected);
    expect(await overHttp({ account: customer.accountNumber })).toEqual(expected);
    expect(await overHttp({ sipUsername: customer.sipUsername })).toEqual(expected);
    expect(await overHttp({ sipUsername: 'history-user-2' })).toEqual(expected);

    const registered = await overHttp({ agentId: agent.id });
    expect(registered).toEqual(await published(agentStreamId(agent.id)));
    expect(registered[0]).toMatchObject({ type: 'accounts.AgentRegistered', aggregateId: agent.id });

    // a page starts at a stream version: from=1 leaves the opening out
    const page = await app.request('GET', `/api/v1/internal/accounts/history?account=${customer.id}&from=1`, { token: TEST_INTERNAL_SERVICE_KEY });
    expect({ status: page.status, types: (page.body.events as IntegrationEvent[]).map((event) => event.type), next: page.body.next }).toEqual({
      status: 200,
      types: ['accounts.SipUserChanged'],
      next: null,
    });
  });

  it('answers nothing for what accounts does not know, 400 for anything but one key, 403 for a person or the switch', async () => {
    expect(await overHttp({ account: 'no-such-customer' })).toEqual([]);
    expect(await overHttp({ sipUsername: 'no-such-user' })).toEqual([]);
    expect(await overHttp({ agentId: 'no-such-agent' })).toEqual([]);
    const both = await app.request('GET', '/api/v1/internal/accounts/history?account=a&agentId=b', { token: TEST_INTERNAL_SERVICE_KEY });
    expect({ status: both.status, code: both.body.code }).toEqual({ status: 400, code: 'validation' });
    expect((await app.request('GET', '/api/v1/internal/accounts/history', { token: TEST_INTERNAL_SERVICE_KEY })).status).toBe(400);
    expect((await app.request('GET', '/api/v1/internal/accounts/history?agentId=x&from=-1', { token: TEST_INTERNAL_SERVICE_KEY })).status).toBe(400);
    expect((await app.request('GET', '/api/v1/internal/accounts/history?agentId=x', { token: app.adminToken })).status).toBe(403);
    expect((await app.request('GET', '/api/v1/internal/accounts/history?agentId=x', { token: TEST_SWITCH_API_KEY })).status).toBe(403);
    expect((await app.request('GET', '/api/v1/internal/accounts/history?agentId=x')).status).toBe(401);
  });

  it('tells an accounts process that cannot be reached apart from one that answers wrongly', async () => {
    const refused = await overHttp({ agentId: 'x' }, 'http://127.0.0.1:9').catch((error: unknown) => error);
    expect(isServiceUnreachable(refused)).toBe(true);
    const wrong = await readAccountsHistory({ agentId: 'x' }, (path) =>
      callServiceJson({ baseUrl: app.gw.baseUrl, path: path.replace('/history', '/no-such-route'), apiKey: TEST_INTERNAL_SERVICE_KEY, timeoutMs: 2_000, schema: AccountsHistoryResponseV1 }),
    ).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(Error);
    expect(isServiceUnreachable(wrong)).toBe(false);
  });
});
