// CDRs through the HTTP API, rated and charged through the in-process bus into the real wallet:
// one CDR posted ten times at once is charged once; the same call as native JSON, FreeSWITCH JSON
// and an Asterisk Master.csv line is the same rated call; unknown accounts and unrated destinations
// are kept, visible to ITC and re-rated once fixed; call history is visible only to its owners.
import { parseMoney } from '@billing/money';
import { RatingTestApp, waitFor, type OpenedCustomer } from './__fixtures__/rating-test-app.js';

const START = Date.parse('2025-03-01T12:00:00Z');
const iso = (offsetSeconds: number) => new Date(START + offsetSeconds * 1000).toISOString();

/** A native CDR answered 5 s after the start, talking `billsec` seconds. */
function cdr(callId: string, owner: { account?: string; sipUsername?: string }, destination: string, billsec: number, startOffset = 0) {
  return {
    callId,
    ...owner,
    callerId: '+442071234567',
    destination,
    startedAt: iso(startOffset),
    answeredAt: billsec === 0 ? null : iso(startOffset + 5),
    endedAt: iso(startOffset + 5 + billsec),
    billsec,
    disposition: billsec === 0 ? 'NO ANSWER' : 'ANSWERED',
  };
}

const london = { prefix: '4420', destination: 'United Kingdom - London', connectFee: '0.40', intervals: [{ startSecond: 0, ratePerMinute: '0.20', incrementSeconds: 60 }, { startSecond: 60, ratePerMinute: '0.10', incrementSeconds: 1 }] };
const usa = { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.60', incrementSeconds: 1 }] };

describe('CDR intake, unrated calls and call history', () => {
  let app: RatingTestApp;
  let c1: OpenedCustomer;
  let c2: OpenedCustomer;
  let c3: OpenedCustomer;

  const balance = async (customerId: string) => (await app.wallet(customerId))!.balanceMicros;

  beforeAll(async () => {
    app = await RatingTestApp.start();
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'itc', name: 'ITC', effectiveFrom: '2020-01-01T00:00:00Z', rows: [london, usa] })).status).toBe(201);
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'small', name: 'Small', effectiveFrom: '2020-01-01T00:00:00Z', rows: [london] })).status).toBe(201);
    await app.openAgent('ag-a', 'itc');
    await app.openAgent('ag-b', 'itc');
    c1 = await app.openCustomer('c1', { agentId: 'ag-a', rateSheetId: 'itc', initialBalance: '100' });
    c2 = await app.openCustomer('c2', { agentId: 'ag-b', rateSheetId: 'itc', initialBalance: '100' });
    c3 = await app.openCustomer('c3', { agentId: 'ag-a', rateSheetId: 'small', initialBalance: '50' });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('the same CDR posted ten times at once is rated and charged once', async () => {
    const body = cdr('dup-1', { account: c1.accountNumber }, '+44 20 7946 0958', 130);
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.switch('POST', '/api/v1/switch/cdrs', body)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    // 0.40 + 60 s at 0.20/min + 70 s at 0.10/min = 0.716666… → 0.7167 (4 decimals, up)
    for (const answer of answers) expect(answer.body).toMatchObject({ callId: 'dup-1', status: 'rated', cost: '0.7167' });
    expect(answers.filter((answer) => answer.body.duplicate === false)).toHaveLength(1);
    const stream = await app.db.store.readStream('call-dup-1');
    expect(stream.map((event) => event.type)).toEqual(['CallRated']);
    await waitFor(async () => (await balance('c1')) === parseMoney('100') - parseMoney('0.7167'), 20_000, 'the charge');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await balance('c1')).toBe(parseMoney('99.2833'));
    // another CDR for the same call is a conflict, never a second charge
    const other = await app.switch('POST', '/api/v1/switch/cdrs', { ...body, billsec: 131, endedAt: iso(136) });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('cdr_conflict');
  });

  it('native JSON, FreeSWITCH JSON and an Asterisk Master.csv line give the same rated call', async () => {
    const epoch = START / 1000;
    const native = cdr('fmt-native', { account: c2.accountNumber }, '+12125550100', 61);
    const freeswitch = (uuid: string) => ({
      variables: {
        uuid,
        accountcode: c2.accountNumber,
        caller_id_number: '%2B442071234567',
        destination_number: '%2B12125550100',
        start_epoch: String(epoch),
        answer_epoch: String(epoch + 5),
        end_epoch: String(epoch + 66),
        billsec: '61',
        hangup_cause: 'NORMAL_CLEARING',
      },
    });
    const asterisk = (uniqueid: string) =>
      `"${c2.accountNumber}","+442071234567","+12125550100","from-internal","""Alice"" <1000>","PJSIP/1000-00000001","PJSIP/trunk-00000002","Dial","PJSIP/trunk","2025-03-01 12:00:00","2025-03-01 12:00:05","2025-03-01 12:01:06",66,61,"ANSWERED","DOCUMENTATION","${uniqueid}",""\n`;

    expect((await app.switch('POST', '/api/v1/switch/cdrs', native)).body).toMatchObject({ status: 'rated', cost: '0.61', duplicate: false });
    expect((await app.switch('POST', '/api/v1/switch/cdrs/freeswitch', freeswitch('fmt-fs'))).body).toMatchObject({ status: 'rated', cost: '0.61', duplicate: false });
    const upload = await app.postText('/api/v1/switch/cdrs/asterisk-csv', asterisk('fmt-ast'), 'switch');
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ lines: 1, counts: { rated: 1 }, problems: [] });

    const views = await Promise.all(['fmt-native', 'fmt-fs', 'fmt-ast'].map(async (callId) => (await app.admin('GET', `/api/v1/calls/${callId}`)).body));
    const withoutId = views.map(({ callId: _callId, ...view }) => view);
    expect(withoutId[0]).toMatchObject({ status: 'rated', cost: '0.61', billsec: 61, billedSeconds: 61, destinationDigits: '12125550100', prefix: '1', customerId: 'c2', agentId: 'ag-b' });
    expect(withoutId[1]).toEqual(withoutId[0]);
    expect(withoutId[2]).toEqual(withoutId[0]);

    // the same call sent again in the other formats is the same CDR: a duplicate, not a conflict
    expect((await app.switch('POST', '/api/v1/switch/cdrs/freeswitch', freeswitch('fmt-native'))).body).toMatchObject({ status: 'rated', duplicate: true });
    expect((await app.postText('/api/v1/switch/cdrs/asterisk-csv', asterisk('fmt-native'), 'switch')).body.counts).toEqual({ duplicate: 1 });
    // a row that cannot be read is reported with its line, its own call id and a readable reason
    const bad = asterisk('fmt-bad').replace('"2025-03-01 12:00:05"', '"not a time"');
    const report = await app.postText('/api/v1/switch/cdrs/asterisk-csv', `${bad}"a","b"\n`, 'switch');
    expect(report.body.problems).toEqual([
      { line: 1, callId: 'fmt-bad', code: 'invalid_cdr', message: expect.stringMatching(/^answer: /) },
      { line: 2, callId: null, code: 'invalid_cdr', message: 'a Master.csv row has 16 to 18 fields, got 2' },
    ]);
    await waitFor(async () => (await balance('c2')) === parseMoney('100') - 3n * parseMoney('0.61'), 20_000, 'three charges');
  });

  it('a batch answers per CDR; bad CDRs are refused with their fields, unanswered calls cost nothing', async () => {
    const res = await app.switch('POST', '/api/v1/switch/cdrs', {
      cdrs: [cdr('batch-1', { account: c1.accountNumber }, '12125550100', 10), cdr('batch-2', { sipUsername: c1.sipUsername }, '12125550100', 0), { ...cdr('batch-3', { account: c1.accountNumber }, '1', 10), billsec: '10x' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      expect.objectContaining({ index: 0, callId: 'batch-1', status: 'rated', cost: '0.1' }),
      expect.objectContaining({ index: 1, callId: 'batch-2', status: 'unanswered', cost: '0' }),
      expect.objectContaining({ index: 2, callId: 'batch-3', status: 'invalid', errors: [expect.objectContaining({ field: 'cdrs[2].billsec' })] }),
    ]);
    expect(res.body.counts).toEqual({ rated: 1, unanswered: 1, invalid: 1 });
    const single = await app.switch('POST', '/api/v1/switch/cdrs', { ...cdr('bad', { account: c1.accountNumber }, '1', 10), answeredAt: null });
    expect(single.status).toBe(400);
    expect(single.body.code).toBe('invalid_cdr');
  });

  it('keeps unknown accounts and unrated destinations as unrated calls for ITC, and re-rates them once fixed', async () => {
    const unknown = await app.switch('POST', '/api/v1/switch/cdrs', cdr('unrated-account', { account: '9999999999' }, '12125550100', 60));
    expect(unknown.body).toMatchObject({ status: 'unrated', reason: 'unknown_account', cost: '0' });
    const noRate = await app.switch('POST', '/api/v1/switch/cdrs', cdr('unrated-rate', { account: c3.accountNumber }, '+12125550100', 60));
    expect(noRate.body).toMatchObject({ status: 'unrated', reason: 'no_rate' });

    const list = await app.admin('GET', '/api/v1/calls/unrated');
    expect(list.status).toBe(200);
    expect(list.body.items.map((call: { callId: string; reason: string }) => [call.callId, call.reason]).sort()).toEqual([
      ['unrated-account', 'unknown_account'],
      ['unrated-rate', 'no_rate'],
    ]);
    expect((await app.admin('GET', '/api/v1/calls/unrated?reason=no_rate')).body.items).toHaveLength(1);
    expect((await app.request('GET', '/api/v1/calls/unrated', { token: await app.token('agent', 'ag-a') })).status).toBe(403);
    // not fixed yet: re-rating finds the same reason and records nothing
    expect((await app.admin('POST', '/api/v1/calls/unrated-rate/re-rate')).body).toMatchObject({ status: 'unrated', reason: 'no_rate', changed: false });

    // fix both: the account is opened, the sheet gets a version (in force at the call's start) with the prefix
    await app.openCustomer('c9', { rateSheetId: 'itc', initialBalance: '10', accountNumber: '9999999999' });
    const version = await app.admin('POST', '/api/v1/rate-sheets/small/versions', { effectiveFrom: '2024-01-01T00:00:00Z', rows: [london, usa] });
    expect(version.status).toBe(201);

    const reRated = await app.admin('POST', '/api/v1/calls/unrated-rate/re-rate');
    expect(reRated.body).toEqual({ callId: 'unrated-rate', status: 'rated', cost: '0.6', reason: null, changed: true });
    const bulk = await app.admin('POST', '/api/v1/calls/re-rate', { limit: 10 });
    expect(bulk.body).toEqual({ attempted: 1, reRated: 1, stillUnrated: 0, cost: '0.6', remaining: 0 });
    expect((await app.admin('GET', '/api/v1/calls/unrated')).body.items).toEqual([]);
    const again = await app.admin('POST', '/api/v1/calls/unrated-rate/re-rate');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('call_already_rated');
    // charged like a first charge
    await waitFor(async () => (await balance('c3')) === parseMoney('49.4'), 20_000, 'the re-rated charge of c3');
    await waitFor(async () => (await balance('c9')) === parseMoney('9.4'), 20_000, 'the re-rated charge of c9');
  });

  it('call history: the customer, its agent and ITC see it; nobody else does', async () => {
    const [agentA, agentB, customer1, customer2] = await Promise.all([app.token('agent', 'ag-a'), app.token('agent', 'ag-b'), app.token('customer', 'c1'), app.token('customer', 'c2')]);
    const calls = (token: string | undefined, path = '/api/v1/customers/c1/calls') => app.request('GET', path, token === undefined ? {} : { token });
    const admin = await calls(app.adminToken);
    expect(admin.status).toBe(200);
    expect(admin.body.items.map((call: { callId: string }) => call.callId)).toEqual(expect.arrayContaining(['dup-1', 'batch-1', 'batch-2']));
    expect((await calls(agentA)).status).toBe(200);
    expect((await calls(customer1)).body.items.length).toBe(admin.body.items.length);
    expect((await calls(agentB)).status).toBe(404);
    expect((await calls(customer2)).status).toBe(404);
    expect((await app.switch('GET', '/api/v1/customers/c1/calls')).status).toBe(403);
    expect((await calls(undefined)).status).toBe(401);
    expect((await calls(agentB, '/api/v1/calls/dup-1')).status).toBe(404);
    expect((await calls(customer1, '/api/v1/calls/dup-1')).status).toBe(200);

    // agents: their customers' calls only
    const byAgent = await calls(agentA, '/api/v1/agents/ag-a/calls');
    expect(byAgent.body.items.every((call: { agentId: string }) => call.agentId === 'ag-a')).toBe(true);
    expect((await calls(agentB, '/api/v1/agents/ag-a/calls')).status).toBe(404);
    expect((await calls(customer1, '/api/v1/agents/ag-a/calls')).status).toBe(403);

    // filters and cursor pagination
    const rated = await calls(customer1, '/api/v1/customers/c1/calls?status=rated&destination=4420');
    expect(rated.body.items.map((call: { callId: string }) => call.callId)).toEqual(['dup-1']);
    const first = await calls(customer1, '/api/v1/customers/c1/calls?limit=1');
    const second = await calls(customer1, `/api/v1/customers/c1/calls?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].callId).not.toBe(first.body.items[0].callId);
    expect((await calls(customer1, '/api/v1/customers/c1/calls?cursor=nonsense')).status).toBe(400);

    // CSV export: a header and one line per call
    const csv = await calls(customer1, '/api/v1/customers/c1/calls?format=csv');
    expect(csv.contentType).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^call_id,status,reason,/);
    expect(lines).toHaveLength(admin.body.items.length + 1);
    expect(lines.find((line) => line.startsWith('dup-1,'))).toContain(',0.7167,');
    // the same export for Accept: text/csv (as the batch credentials answer); ?format wins over it
    const accepted = await app.request('GET', '/api/v1/customers/c1/calls', { token: customer1, headers: { accept: 'text/csv' } });
    expect({ type: accepted.contentType.split(';')[0], text: accepted.text }).toEqual({ type: 'text/csv', text: csv.text });
    expect((await app.request('GET', '/api/v1/customers/c1/calls?format=json', { token: customer1, headers: { accept: 'text/csv' } })).contentType).toMatch(/^application\/json/);

    // report figures
    const summary = await calls(agentA, '/api/v1/customers/c1/calls/summary');
    expect(summary.body).toMatchObject({ attempts: 3, answered: 2, talkSeconds: 140, revenue: '0.8167', asrPercent: '66.666667' });
  });

  it("an unanswered call is counted in its destination (the customer's row for the number, no cost); one on no row stays unrated", async () => {
    const portugal = { prefix: '351', destination: 'Portugal', intervals: [{ startSecond: 0, ratePerMinute: '0.30', incrementSeconds: 60 }] };
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'pt', name: 'Portugal', effectiveFrom: '2020-01-01T00:00:00Z', rows: [portugal] })).status).toBe(201);
    await app.openAgent('ag-pt', 'pt');
    const c5 = await app.openCustomer('c5', { agentId: 'ag-pt', rateSheetId: 'pt', initialBalance: '10' });
    const answers = await app.switch('POST', '/api/v1/switch/cdrs', {
      cdrs: [
        cdr('pt-answered', { account: c5.accountNumber }, '+351 21 123 4567', 60),
        cdr('pt-unanswered', { account: c5.accountNumber }, '+351 21 765 4321', 0, 120),
        // no row on its sheet: where it was going is not known
        cdr('uk-unanswered', { account: c5.accountNumber }, '+44 20 7946 0958', 0, 240),
      ],
    });
    expect(answers.body.results.map((answer: { status: string; cost: string }) => [answer.status, answer.cost])).toEqual([['rated', '0.3'], ['unanswered', '0'], ['unanswered', '0']]);
    const call = await app.admin('GET', '/api/v1/calls/pt-unanswered');
    expect(call.body).toMatchObject({ status: 'unanswered', destinationName: 'Portugal', prefix: '351', cost: '0' });
    expect((await app.admin('GET', '/api/v1/calls/uk-unanswered')).body).toMatchObject({ status: 'unanswered', destinationName: null, prefix: null });
    const expected = [
      { destination: 'Portugal', attempts: 2, answered: 1, billedSeconds: 60, revenue: '0.3' },
      { destination: 'unrated', attempts: 1, answered: 0, billedSeconds: 0, revenue: '0' },
    ];
    expect((await app.admin('GET', '/api/v1/customers/c5/calls/summary')).body.topDestinations).toEqual(expected);
    expect((await app.admin('GET', '/api/v1/agents/ag-pt/calls/summary')).body.topDestinations).toEqual(expected);
  });

  it('a CDR whose account and SIP username are two customers is kept unrated (account_mismatch) and charges neither', async () => {
    const [before1, before2] = [await balance('c1'), await balance('c2')];
    const answer = await app.switch('POST', '/api/v1/switch/cdrs', cdr('mismatch-1', { account: c1.accountNumber, sipUsername: c2.sipUsername }, '+12125550100', 60));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ callId: 'mismatch-1', status: 'unrated', reason: 'account_mismatch', cost: '0' });
    const stream = await app.db.store.readStream('call-mismatch-1');
    expect(stream.map((event) => [event.type, (event.data as { customerId: string | null }).customerId])).toEqual([['CallUnrated', null]]);
    // ITC sees it among the unrated calls; re-rating finds the same mismatch and records nothing
    expect((await app.admin('GET', '/api/v1/calls/unrated?reason=account_mismatch')).body.items.map((call: { callId: string }) => call.callId)).toEqual(['mismatch-1']);
    expect((await app.admin('POST', '/api/v1/calls/mismatch-1/re-rate')).body).toMatchObject({ status: 'unrated', reason: 'account_mismatch', changed: false });
    // the same call from FreeSWITCH (accountcode + user_name) is the same outcome
    const viaFreeswitch = await app.switch('POST', '/api/v1/switch/cdrs/freeswitch', {
      variables: {
        uuid: 'mismatch-2',
        accountcode: c1.accountNumber,
        user_name: c2.sipUsername,
        caller_id_number: '1000',
        destination_number: '12125550100',
        start_epoch: String(START / 1000),
        answer_epoch: String(START / 1000 + 5),
        end_epoch: String(START / 1000 + 65),
        billsec: '60',
        hangup_cause: 'NORMAL_CLEARING',
      },
    });
    expect(viaFreeswitch.body).toMatchObject({ status: 'unrated', reason: 'account_mismatch' });
    expect([await balance('c1'), await balance('c2')]).toEqual([before1, before2]);
  });
});
