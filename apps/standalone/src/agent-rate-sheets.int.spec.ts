// An agent bills its customers only with the sheet ITC assigned to it or a sheet it derived from
// that sheet at a markup ≥ 0 — never ITC's base sheet or another agent's sheet, which it is told
// do not exist (422 rate_sheet_not_found, as rating's sheet routes answer) — on every path that
// names a sheet: its profiles (create, PATCH), its openings, PATCH /customers/{id}. Accounts asks
// the in-process rating (RatingSheetCatalog.info) where a sheet comes from; the modules are wired
// as the product wires them (service-modules.ts), on the run's PostgreSQL, through the public API.
import type { TestResponse } from '@billing/gateway';
import { jest } from '@jest/globals';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(90_000);

const app = moneyPathAppPerFile('sp', { wallet: { projectionPollIntervalMs: 100 } });
let agent: string;
let agentId: string;
let rival: string;
let onBase: string;

beforeAll(async () => {
  // ITC's base sheet; per agent, a sheet ITC derives for it at its cost, and one ITC derives from that
  ok(await as(app.admin)('POST', '/rate-sheets', { sheetId: 'sp-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows: [{ prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.06', incrementSeconds: 1 }] }] }), 201);
  ok(await as(app.admin)('POST', '/rate-sheets/sp-base/derived', { sheetId: 'sp-acme-cost', name: 'Acme cost', markupPercent: '10' }), 201);
  ok(await as(app.admin)('POST', '/rate-sheets/sp-acme-cost/derived', { sheetId: 'sp-acme-gold', name: 'Acme gold', markupPercent: '25' }), 201);
  ok(await as(app.admin)('POST', '/rate-sheets/sp-acme-cost/derived', { sheetId: 'sp-acme-flat', name: 'Acme at cost', markupPercent: '0' }), 201);
  ok(await as(app.admin)('POST', '/rate-sheets/sp-base/derived', { sheetId: 'sp-rival-cost', name: 'Rival cost', markupPercent: '5' }), 201);
  agentId = ok(await as(app.admin)('POST', '/agents', agentBody('sp-acme', 'sp-acme-cost')), 201).body.id as string;
  ok(await as(app.admin)('POST', '/agents', agentBody('sp-rival', 'sp-rival-cost')), 201);
  ok(await as(app.admin)('POST', '/agents', agentBody('sp-onbase', 'sp-base')), 201);
  agent = await app.gw.login('sp-acme', 'sp-acme-password-1');
  rival = await app.gw.login('sp-rival', 'sp-rival-password-1');
  onBase = await app.gw.login('sp-onbase', 'sp-onbase-password-1');
  // each agent derives its own "base + fix %" sheet from the one ITC assigned to it
  ok(await as(agent)('POST', '/rate-sheets/sp-acme-cost/derived', { sheetId: 'sp-acme-own', name: 'Acme +15', markupPercent: '15' }), 201);
  ok(await as(rival)('POST', '/rate-sheets/sp-rival-cost/derived', { sheetId: 'sp-rival-own', name: 'Rival +3', markupPercent: '3' }), 201);
});

const as = asOn(app);
const agentBody = (username: string, rateSheetId: string) => ({ name: username, contactEmail: `${username}@example.com`, commissionPercent: '10', rateSheetId, username, password: `${username}-password-1` });
const prepaid = (rateSheetId: string | null, name = `On ${rateSheetId ?? "the agent's"}`) => ({ name, billingType: 'prepaid', rateSheetId }); // one owner's profile names differ (409 name_taken)

function ok(res: TestResponse, status: number): TestResponse {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  return res;
}

/** Another tenant's sheet is answered exactly as a sheet that does not exist: its id cannot be probed. The agent is told what it can do (it imports no sheets). */
function unknown(res: TestResponse, sheetId: string): void {
  expect({ status: res.status, code: res.body?.code, detail: res.body?.detail }).toEqual({
    status: 422,
    code: 'rate_sheet_not_found',
    detail: `rate sheet "${sheetId}" does not exist: use the sheet ITC assigned to you, or one you derived from it (POST /rate-sheets/{id}/derived)`,
  });
}

async function events(): Promise<number> {
  const { rows } = await app.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${app.schemas.accounts}".events`);
  return Number(rows[0]!.n);
}

describe("an agent's profiles", () => {
  it("name its assigned sheet, a sheet it derived from it at markup ≥ 0, or none (the agent's)", async () => {
    for (const sheet of ['sp-acme-cost', 'sp-acme-own', null]) {
      expect((ok(await as(agent)('POST', '/customer-profiles', prepaid(sheet)), 201)).body.rateSheetId).toBe(sheet);
    }
  });

  it("never ITC's base sheet, another of ITC's sheets or another agent's sheet: answered as unknown, nothing created", async () => {
    const before = await events();
    for (const sheet of ['sp-base', 'sp-rival-cost', 'sp-rival-own', 'sp-acme-gold', 'sp-acme-flat', 'sp-nowhere']) {
      unknown(await as(agent)('POST', '/customer-profiles', prepaid(sheet)), sheet);
    }
    const profile = ok(await as(agent)('POST', '/customer-profiles', prepaid(null, "On the agent's, refused a sheet by PATCH")), 201).body.id as string;
    unknown(await as(agent)('PATCH', `/customer-profiles/${profile}`, { rateSheetId: 'sp-base' }), 'sp-base');
    expect((await as(agent)('GET', `/customer-profiles/${profile}`)).body.rateSheetId).toBeNull();
    expect(await events()).toBe(before + 1);
  });

  it("of an agent on ITC's base sheet never name another agent's sheet ITC derived from that base", async () => {
    unknown(await as(onBase)('POST', '/customer-profiles', prepaid('sp-rival-cost')), 'sp-rival-cost');
    unknown(await as(onBase)('POST', '/customer-profiles', prepaid('sp-acme-own')), 'sp-acme-own');
    expect(ok(await as(onBase)('POST', '/customer-profiles', prepaid('sp-base')), 201).body.rateSheetId).toBe('sp-base');
  });

  it('keep no refusal of the policy under an Idempotency-Key: once the agent derives the sheet, the retry creates the profile', async () => {
    const post = () => app.gw.request('POST', '/api/v1/customer-profiles', { token: agent, headers: { 'idempotency-key': 'sp-later-1' }, body: prepaid('sp-acme-later') });
    unknown(await post(), 'sp-acme-later');
    ok(await as(agent)('POST', '/rate-sheets/sp-acme-cost/derived', { sheetId: 'sp-acme-later', name: 'Acme +5', markupPercent: '5' }), 201);
    const retried = ok(await post(), 201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body.rateSheetId).toBe('sp-acme-later');
  });
});

describe("an agent's customers", () => {
  it("are not opened from an ITC profile that names ITC's base sheet; ITC opens them for the agent freely", async () => {
    const itcProfile = ok(await as(app.admin)('POST', '/customer-profiles', prepaid('sp-base')), 201).body.id as string;
    const before = await events();
    unknown(await as(agent)('POST', '/customers', { profileId: itcProfile }), 'sp-base');
    expect(await events()).toBe(before);
    const opened = ok(await as(app.admin)('POST', '/customers', { profileId: itcProfile, agentId }), 201);
    expect(opened.body.customer.rateSheetId).toBe('sp-base');
  });

  it('get a sheet the agent may sell by PATCH, and no other', async () => {
    const profile = ok(await as(agent)('POST', '/customer-profiles', prepaid(null, "On the agent's, re-sheeted by PATCH")), 201).body.id as string;
    const customer = ok(await as(agent)('POST', '/customers', { profileId: profile }), 201).body.customer;
    expect(customer.rateSheetId).toBe('sp-acme-cost');
    expect(ok(await as(agent)('PATCH', `/customers/${customer.id}`, { rateSheetId: 'sp-acme-own' }), 200).body.rateSheetId).toBe('sp-acme-own');
    for (const sheet of ['sp-acme-gold', 'sp-rival-cost', 'sp-rival-own', 'sp-base']) {
      unknown(await as(agent)('PATCH', `/customers/${customer.id}`, { rateSheetId: sheet }), sheet);
    }
    expect((await as(agent)('GET', `/customers/${customer.id}`)).body.rateSheetId).toBe('sp-acme-own');
    // ITC keeps full freedom
    expect(ok(await as(app.admin)('PATCH', `/customers/${customer.id}`, { rateSheetId: 'sp-base' }), 200).body.rateSheetId).toBe('sp-base');
  });
});
