// IPBX trunk addresses through the public API on the run's PostgreSQL: ITC registers and removes
// them, the agent and the customer only see them; overlaps refused within an account and across
// accounts (also under concurrent requests), shared addresses told apart by tech prefixes, and
// the event rating consumes.
import { customerStreamId, toIntegrationEvent } from '@billing/accounts-domain';
import { jest } from '@jest/globals';
import { startAccountsTestApp, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { accountsEventCodec } from '../infrastructure/event-codec.js';

jest.setTimeout(60_000);

let app: AccountsTestApp;
let agent: Awaited<ReturnType<typeof registerAgent>>;
let rival: Awaited<ReturnType<typeof registerAgent>>;
let profile: string;
/** each test its own block of addresses: the overlap rule spans every account of the run. */
let block = 0;

beforeAll(async () => {
  app = await startAccountsTestApp();
  agent = await registerAgent(app);
  rival = await registerAgent(app);
  profile = await createProfile(app, agent.token, { name: 'PBX' });
});

afterAll(async () => {
  await app?.close();
});

async function newCustomer() {
  const opened = await openCustomer(app, agent.token, { profileId: profile });
  const token = await app.gw.login(opened.credentials.portalUsername!, opened.credentials.portalPassword!);
  return { id: opened.customer.id as string, token };
}

const path = (customerId: string) => `/api/v1/customers/${customerId}/trunk-addresses`;
const add = (customerId: string, body: object, token = app.adminToken) => app.request('POST', path(customerId), { token, body });
const list = async (customerId: string, token = app.adminToken) => {
  const res = await app.request('GET', path(customerId), { token });
  expectStatus(res, 200);
  return (res.body.items as { network: string; techPrefix: string | null }[]).map(({ network, techPrefix }) => ({ network, techPrefix }));
};
const net = (suffix: string) => `10.${++block}.${suffix}`;

describe('trunk addresses', () => {
  it('ITC registers addresses in canonical form; the agent and the customer see them but cannot change them', async () => {
    const customer = await newCustomer();
    const range = net('0.0/24');
    const added = await add(customer.id, { address: range, techPrefix: '1234' });
    expectStatus(added, 201);
    expect(added.body).toEqual({ customerId: customer.id, network: range, techPrefix: '1234', addedAt: expect.any(String) });
    expectStatus(await add(customer.id, { address: range, techPrefix: '1234' }), 200);
    expectStatus(await add(customer.id, { address: '2001:DB8:0::1' }), 201);
    const expected = [
      { network: range, techPrefix: '1234' },
      { network: '2001:db8::1/128', techPrefix: null },
    ];
    expect(await list(customer.id, agent.token)).toEqual(expected);
    expect(await list(customer.id, customer.token)).toEqual(expected);

    expectProblem(await add(customer.id, { address: net('0.1') }, agent.token), 403, 'trunk_addresses_managed_by_itc');
    expectProblem(await add(customer.id, { address: net('0.1') }, customer.token), 403, 'trunk_addresses_managed_by_itc');
    expectProblem(await app.request('DELETE', `${path(customer.id)}?address=${encodeURIComponent(range)}&techPrefix=1234`, { token: agent.token }), 403, 'trunk_addresses_managed_by_itc');
    expectProblem(await app.request('GET', path(customer.id), { token: rival.token }), 404);
    expect(await list(customer.id)).toEqual(expected);
  });

  it('refuses malformed input with nothing changed', async () => {
    const customer = await newCustomer();
    expectProblem(await add(customer.id, { address: '10.0.0.256' }), 422, 'invalid_trunk_address');
    expectProblem(await add(customer.id, { address: '10.0.0.1/24' }), 422, 'invalid_trunk_address');
    // the tech prefix's characters and length are its format: 400 validation, as every other field's
    expectProblem(await add(customer.id, { address: '10.0.0.0/24', techPrefix: 'ab' }), 400, 'validation');
    const tooLong = await add(customer.id, { address: '10.0.0.0/24', techPrefix: '12345678901' });
    expectProblem(tooLong, 400, 'validation');
    expect(tooLong.body.detail).toBe('The request body is invalid — techPrefix: 1 to 10 characters of 0–9, * and #.');
    expectProblem(await add(customer.id, { address: '10.0.0.0/24', techPrefix: '' }), 400, 'validation');
    expectProblem(await app.request('DELETE', `${path(customer.id)}?address=10.0.0.0%2F24&techPrefix=1a`, { token: app.adminToken }), 400, 'validation');
    expectProblem(await add(customer.id, { address: '10.0.0.0/24', colour: 'red' }), 400);
    expectProblem(await add(customer.id, {}), 400);
    expect(await list(customer.id)).toEqual([]);
  });

  it('refuses overlaps in one account and across accounts unless tech prefixes tell them apart', async () => {
    const [a, b] = [await newCustomer(), await newCustomer()];
    const range = net('0.0/24');
    const inside = range.replace('0.0/24', '0.7');
    expectStatus(await add(a.id, { address: range, techPrefix: '11' }), 201);
    expectProblem(await add(a.id, { address: inside, techPrefix: '112' }), 409, 'trunk_address_overlaps');
    expectProblem(await add(b.id, { address: inside }), 409, 'trunk_address_taken');
    expectProblem(await add(b.id, { address: inside, techPrefix: '1' }), 409, 'trunk_address_taken');
    expectStatus(await add(b.id, { address: inside, techPrefix: '22' }), 201);
    expect(await list(b.id)).toEqual([{ network: `${inside}/32`, techPrefix: '22' }]);
  });

  it('two accounts registering overlapping ranges at once: exactly one gets it', async () => {
    const customers = [await newCustomer(), await newCustomer(), await newCustomer(), await newCustomer()];
    const wide = net('0.0/16');
    const narrow = wide.replace('0.0/16', '4.0/24');
    const answers = await Promise.all(customers.map((c, i) => add(c.id, { address: i % 2 === 0 ? wide : narrow })));
    expect(answers.filter((res) => res.status === 201)).toHaveLength(1);
    for (const res of answers.filter((r) => r.status !== 201)) expectProblem(res, 409, 'trunk_address_taken');
    const held = (await Promise.all(customers.map((c) => list(c.id)))).flat();
    expect(held).toHaveLength(1);
  });

  it('removal: the entry named by address and tech prefix, again a 204; then another account may take the range; rating hears each change', async () => {
    const [a, b] = [await newCustomer(), await newCustomer()];
    const range = net('8.0/29');
    expectStatus(await add(a.id, { address: range, techPrefix: '9' }), 201);
    const remove = (query: string) => app.request('DELETE', `${path(a.id)}?${query}`, { token: app.adminToken });
    expectStatus(await remove(`address=${encodeURIComponent(range)}`), 204); // no entry without a prefix: nothing
    expect(await list(a.id)).toHaveLength(1);
    expectStatus(await remove(`address=${encodeURIComponent(range)}&techPrefix=9`), 204);
    expectStatus(await remove(`address=${encodeURIComponent(range)}&techPrefix=9`), 204);
    expectProblem(await remove('address=nonsense'), 422, 'invalid_trunk_address');
    expect(await list(a.id)).toEqual([]);
    expectStatus(await add(b.id, { address: range }), 201);

    const published = (await app.db.store.readStream(customerStreamId(a.id), 0, 100))
      .map((r) => toIntegrationEvent(accountsEventCodec.fromStored(r)))
      .filter((shape) => shape?.type === 'accounts.TrunkAddressChanged');
    expect(published.map((shape) => shape!.data)).toEqual([
      expect.objectContaining({ customerId: a.id, network: range, techPrefix: '9', status: 'active' }),
      expect.objectContaining({ customerId: a.id, network: range, techPrefix: '9', status: 'removed' }),
    ]);
  });

  it('an Idempotency-Key makes a retried addition or removal the first answer again; the key with another body is 422, a 256-character key 400', async () => {
    const customer = await newCustomer();
    const range = net('0.0/24');
    const keyed = (method: string, url: string, key: string, body?: object) => app.request(method, url, { token: app.adminToken, body, headers: { 'idempotency-key': key } });
    const first = await keyed('POST', path(customer.id), 'tr-add-1', { address: range });
    expectStatus(first, 201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await keyed('POST', path(customer.id), 'tr-add-1', { address: range });
    expectStatus(again, 201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expectProblem(await keyed('POST', path(customer.id), 'tr-add-1', { address: net('0.0/24') }), 422, 'idempotency_key_reused');
    expectProblem(await keyed('POST', path(customer.id), 'k'.repeat(256), { address: net('0.0/24') }), 400, 'invalid_idempotency_key');
    expect(await list(customer.id)).toEqual([{ network: range, techPrefix: null }]);

    const removal = `${path(customer.id)}?address=${encodeURIComponent(range)}`;
    expectStatus(await keyed('DELETE', removal, 'tr-remove-1'), 204);
    const removedAgain = await keyed('DELETE', removal, 'tr-remove-1');
    expectStatus(removedAgain, 204);
    expect(removedAgain.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(await keyed('DELETE', `${path(customer.id)}?address=${encodeURIComponent(net('0.0/24'))}`, 'tr-remove-1'), 422, 'idempotency_key_reused');
    expect(await list(customer.id)).toEqual([]);
  });
});
