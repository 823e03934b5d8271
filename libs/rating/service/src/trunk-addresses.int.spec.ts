// IPBX trunks by source IP in rating (accounts.TrunkAddressChanged): a call is resolved by its SIP
// user, its account code, or — when it names neither — the address it came from, where the
// longest tech prefix the number starts with picks the account and is stripped before rating;
// an unknown address and an address shared without a telling prefix are refused with their own
// reasons, in authorizations and in CDRs (native and FreeSWITCH), and the CDR records the trunk.
import { parseMoney } from '@billing/money';
import type { AccountsEventDraft } from './__fixtures__/fake-accounts.js';
import { RatingTestApp, waitFor } from './__fixtures__/rating-test-app.js';

const usa = { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.60', incrementSeconds: 1 }] };
const START = Date.parse('2025-03-01T12:00:00Z');

function trunkAddressChanged(customerId: string, network: string, techPrefix: string | null, status: 'active' | 'removed' = 'active'): AccountsEventDraft<'accounts.TrunkAddressChanged'> {
  return { type: 'accounts.TrunkAddressChanged', aggregateId: customerId, data: { customerId, network, techPrefix, status, actor: 'admin:itc', occurredAt: new Date().toISOString() } };
}

describe('IPBX trunks by source IP in rating', () => {
  let app: RatingTestApp;
  let n = 0;
  const authorize = (owner: { account?: string; sipUsername?: string; sourceIp?: string }, destination = '+12125550100', callId = `tr-${(n += 1)}`) =>
    app.switch('POST', '/api/v1/switch/authorize', { callId, ...owner, callerId: '', destination });
  const cdr = (callId: string, owner: { account?: string; sipUsername?: string; sourceIp?: string }, destination: string) =>
    app.switch('POST', '/api/v1/switch/cdrs', {
      callId,
      ...owner,
      callerId: '',
      destination,
      startedAt: '2025-03-01T12:00:00Z',
      answeredAt: '2025-03-01T12:00:01Z',
      endedAt: '2025-03-01T12:01:01Z',
      billsec: 60,
      disposition: 'answered',
    });
  const entries = async (customerId: string) =>
    (await app.pool.query<{ status: string }>(`SELECT status FROM ${app.db.table('trunk_addresses')} WHERE customer_id = $1`, [customerId])).rows.map((r) => r.status);

  beforeAll(async () => {
    app = await RatingTestApp.start();
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'tr', name: 'Trunks', effectiveFrom: '2020-01-01T00:00:00Z', rows: [usa] })).status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('resolves a call by SIP user, by account code and by source address onto one balance, and records the trunk', async () => {
    const pbx = await app.openCustomer('pbx', { rateSheetId: 'tr', initialBalance: '1000', maxConcurrentCalls: 5 });
    await app.accounts.publish(trunkAddressChanged('pbx', '198.51.100.0/24', null));
    await waitFor(async () => (await entries('pbx')).length === 1, 20_000, 'the trunk address in rating');

    expect((await authorize({ sipUsername: pbx.sipUsername })).body).toMatchObject({ allowed: true, reason: null });
    expect((await authorize({ account: pbx.accountNumber })).body).toMatchObject({ allowed: true, reason: null });
    expect((await authorize({ sourceIp: '198.51.100.23' })).body).toMatchObject({ allowed: true, reason: null, ratePerMinute: '0.6' });
    // a dual-stack switch reports an IPv4 peer as its IPv4-mapped IPv6 address: the same IPv4 range holds it
    expect((await authorize({ sourceIp: '::ffff:198.51.100.23' })).body).toMatchObject({ allowed: true, reason: null, ratePerMinute: '0.6' });
    // an account named wins over the address: the address only names calls that name nobody
    expect((await authorize({ account: 'no-such-account', sourceIp: '198.51.100.23' })).body).toMatchObject({ allowed: false, reason: 'unknown_account' });

    expect((await cdr('tr-user', { sipUsername: pbx.sipUsername }, '+12125550100')).body).toMatchObject({ status: 'rated', cost: '0.6' });
    expect((await cdr('tr-code', { account: pbx.accountNumber }, '+12125550100')).body).toMatchObject({ status: 'rated', cost: '0.6' });
    expect((await cdr('tr-ip', { sourceIp: '198.51.100.23' }, '+12125550100')).body).toMatchObject({ status: 'rated', cost: '0.6' });
    const fromFreeswitch = await app.switch('POST', '/api/v1/switch/cdrs/freeswitch', {
      variables: {
        uuid: 'tr-fs',
        sip_network_ip: '198.51.100.24',
        caller_id_number: '1000',
        destination_number: '%2B12125550100',
        start_epoch: String(START / 1000),
        answer_epoch: String(START / 1000 + 1),
        end_epoch: String(START / 1000 + 61),
        billsec: '60',
        hangup_cause: 'NORMAL_CLEARING',
      },
    });
    expect(fromFreeswitch.body).toMatchObject({ status: 'rated', cost: '0.6' });
    await waitFor(async () => (await app.wallet('pbx'))?.balanceMicros === parseMoney('997.6'), 20_000, 'four calls on the one balance');
    const history = (await app.admin('GET', '/api/v1/customers/pbx/calls')).body.items as { callId: string }[];
    expect(history.find((call) => call.callId === 'tr-ip')).toMatchObject({ account: null, sipUsername: null, sourceIp: '198.51.100.23', techPrefix: null, customerId: 'pbx' });
    expect(history.find((call) => call.callId === 'tr-fs')).toMatchObject({ sourceIp: '198.51.100.24', customerId: 'pbx' });
  });

  it('a shared address: the longest tech prefix picks the account and is stripped; without one it is ambiguous; elsewhere unknown', async () => {
    await app.openCustomer('shared-a', { rateSheetId: 'tr', initialBalance: '1000', maxConcurrentCalls: 5 });
    await app.openCustomer('shared-b', { rateSheetId: 'tr', initialBalance: '1000', maxConcurrentCalls: 5 });
    await app.accounts.publish(trunkAddressChanged('shared-a', '203.0.113.0/24', '11'));
    await app.accounts.publish(trunkAddressChanged('shared-b', '203.0.113.7/32', '22'));
    await app.accounts.publish(trunkAddressChanged('shared-b', '203.0.113.7/32', '229'));
    await waitFor(async () => (await entries('shared-a')).length === 1 && (await entries('shared-b')).length === 2, 20_000, 'the shared address in rating');

    expect((await authorize({ sourceIp: '203.0.113.7' }, '11+12125550100')).body).toMatchObject({ allowed: true, reason: null });
    expect((await authorize({ sourceIp: '203.0.113.7' }, '2212125550100')).body).toMatchObject({ allowed: true, reason: null });
    expect((await authorize({ sourceIp: '203.0.113.7' }, '33+12125550100')).body).toMatchObject({ allowed: false, reason: 'ambiguous_source_address' });
    expect((await authorize({ sourceIp: '192.0.2.1' })).body).toMatchObject({ allowed: false, reason: 'unknown_source_address' });
    expect((await authorize({ sourceIp: '2001:db8::1' })).body).toMatchObject({ allowed: false, reason: 'unknown_source_address' });

    // 229 is longer than 22: shared-b's second entry, its three digits stripped
    expect((await cdr('tr-prefix', { sourceIp: '203.0.113.7' }, '22912125550100')).body).toMatchObject({ status: 'rated', cost: '0.6' });
    expect((await cdr('tr-a', { sourceIp: '203.0.113.9' }, '11+12125550100')).body).toMatchObject({ status: 'rated', cost: '0.6' });
    expect((await cdr('tr-ambiguous', { sourceIp: '203.0.113.7' }, '+12125550100')).body).toMatchObject({ status: 'unrated', reason: 'ambiguous_source_address' });
    expect((await cdr('tr-unknown', { sourceIp: '192.0.2.1' }, '+12125550100')).body).toMatchObject({ status: 'unrated', reason: 'unknown_source_address' });
    const call = (await app.admin('GET', '/api/v1/calls/tr-prefix')).body;
    expect(call).toMatchObject({ customerId: 'shared-b', sourceIp: '203.0.113.7', techPrefix: '229', destination: '12125550100', destinationDigits: '12125550100' });
    expect((await app.admin('GET', '/api/v1/calls/tr-a')).body).toMatchObject({ customerId: 'shared-a', techPrefix: '11', destination: '+12125550100' });
    // an authorized trunk call and its CDR: one call, the hold settled at the cost
    expect((await authorize({ sourceIp: '203.0.113.7' }, '2212125550100', 'tr-both')).body).toMatchObject({ allowed: true });
    expect((await cdr('tr-both', { sourceIp: '203.0.113.7' }, '2212125550100')).body).toMatchObject({ status: 'rated', cost: '0.6' });
    expect((await app.admin('GET', '/api/v1/calls/tr-both')).body).toMatchObject({ customerId: 'shared-b', techPrefix: '22', status: 'rated' });
    const csv = await app.admin('GET', '/api/v1/customers/shared-b/calls?format=csv');
    const lines = csv.text.trimEnd().split('\n');
    expect(lines[0]).toContain(',sip_username,source_ip,tech_prefix,caller_id,');
    expect(lines.find((line) => line.startsWith('tr-prefix,'))).toContain(',203.0.113.7,229,');
    // a CDR resent as the switch sent it is the same CDR
    expect((await cdr('tr-prefix', { sourceIp: '203.0.113.7' }, '22912125550100')).body).toMatchObject({ status: 'rated', duplicate: true });

    // a removed entry no longer names its account
    await app.accounts.publish(trunkAddressChanged('shared-a', '203.0.113.0/24', '11', 'removed'));
    await waitFor(async () => (await entries('shared-a'))[0] === 'removed', 20_000, 'the removal in rating');
    expect((await authorize({ sourceIp: '203.0.113.9' }, '11+12125550100')).body).toMatchObject({ allowed: false, reason: 'unknown_source_address' });
  });

  it('a trunk call recorded before rating knew its address is rated by re-rating once it does', async () => {
    await app.openCustomer('late', { rateSheetId: 'tr', initialBalance: '1000' });
    expect((await cdr('tr-late', { sourceIp: '192.0.2.200' }, '+12125550100')).body).toMatchObject({ status: 'unrated', reason: 'unknown_source_address' });
    await app.accounts.publish(trunkAddressChanged('late', '192.0.2.128/25', null));
    await waitFor(async () => (await entries('late')).length === 1, 20_000, 'the trunk address in rating');
    expect((await app.admin('POST', '/api/v1/calls/tr-late/re-rate')).body).toMatchObject({ status: 'rated', cost: '0.6' });
    expect((await app.admin('GET', '/api/v1/calls/tr-late')).body).toMatchObject({ customerId: 'late', sourceIp: '192.0.2.200', status: 'rated' });
  });

  it('refuses a malformed source address with a field error', async () => {
    const refused = await authorize({ sourceIp: '203.0.113.0/24' });
    expect(refused.status).toBe(400);
    const cdrRefused = await cdr('tr-bad', { sourceIp: 'pbx.example.com' }, '+12125550100');
    expect(cdrRefused.status).toBe(400);
    expect(JSON.stringify(cdrRefused.body)).toContain('sourceIp');
  });
});
