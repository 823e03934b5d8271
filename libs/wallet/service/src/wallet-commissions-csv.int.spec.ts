// GET /api/v1/agents/{id}/commissions?format=csv (or Accept: text/csv) through the public API:
// every commission line of the agent (accrued on a transfer and on ITC's deposit, reversed, moved
// to main) as the JSON list answers them, with money as exact decimal strings — and, as the JSON
// route, another agent's id is a 404 and a customer is refused.
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

describe("an agent's commission lines as CSV", () => {
  const app = WalletTestApp.perFile();
  let agentToken: string;
  let otherAgentToken: string;
  let customerToken: string;

  beforeAll(async () => {
    await app.openAgent('ag-cc1', { commissionPercent: '12.5' });
    await app.openAgent('ag-cc2', { commissionPercent: '5' });
    agentToken = await app.token('agent', 'ag-cc1');
    otherAgentToken = await app.token('agent', 'ag-cc2');
    const post = (path: string, token: string, body: unknown) => app.request('POST', `/api/v1${path}`, { token, body });
    expect((await post('/agents/ag-cc1/deposits', app.adminToken, { amount: '2000000', reference: 'BANK-CC1' })).status).toBe(201);
    await app.openCustomer('cu-cc1', 'ag-cc1');
    // 12.5 % of 1 234 567.890123 = 154 320.986265375: micro-exact, rounded down — a float would not keep it
    expect((await post('/customers/cu-cc1/deposits', agentToken, { amount: '1234567.890123', reference: 'INV-1' })).body.commission).toBe('154320.986265');
    const manual = await post('/customers/cu-cc1/deposits', app.adminToken, { amount: '0.000009', reference: 'CASH-1' });
    expect(manual.body.commission).toBe('0.000001');
    const refunded = await post('/customers/cu-cc1/deposits', app.adminToken, { amount: '20', reference: 'CARD-1' });
    expect((await post(`/customers/cu-cc1/deposits/${refunded.body.depositId}/reversals`, app.adminToken, { reason: 'chargeback' })).status).toBe(201);
    expect((await post('/agents/ag-cc1/commission-transfers', agentToken, { amount: '0.25' })).status).toBe(201);
    customerToken = await app.token('customer', 'cu-cc1');
    await app.projections.waitForCatchUp();
  }, 90_000);

  const csvOf = (path: string, token: string, headers: Record<string, string> = {}) => app.request('GET', `/api/v1${path}`, { token, headers });

  it('answers every line, newest first, with the JSON fields in snake_case and money exact', async () => {
    const csv = await csvOf('/agents/ag-cc1/commissions?format=csv', agentToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="commissions-ag-cc1.csv"');
    const json = (await app.request('GET', '/api/v1/agents/ag-cc1/commissions?limit=200', { token: agentToken })).body;
    expect(json.items).toHaveLength(5);
    const [header, ...rows] = csv.text.trimEnd().split('\n');
    expect(header).toBe('id,type,kind,ref,customer_id,base_amount,commission_percent,amount,commission_balance_after,occurred_at');
    type Line = { id: string; type: string; kind: string; ref: string; customerId: string | null; baseAmount: string | null; commissionPercent: string | null; amount: string; commissionBalanceAfter: string; occurredAt: string };
    expect(rows).toEqual(
      json.items.map((line: Line) => [line.id, line.type, line.kind, line.ref, line.customerId ?? '', line.baseAmount ?? '', line.commissionPercent ?? '', line.amount, line.commissionBalanceAfter, line.occurredAt].join(',')),
    );
    // newest first: moved to main (no base, no rate), the reversal, then the accruals
    expect(rows.map((row) => row.split(',').slice(4, 9))).toEqual([
      ['', '', '', '-0.25', '154320.736266'],
      ['cu-cc1', '', '', '-2.5', '154320.986266'], // a reversal names no base or rate: it takes back what the deposit accrued
      ['cu-cc1', '20', '12.5', '2.5', '154323.486266'],
      ['cu-cc1', '0.000009', '12.5', '0.000001', '154320.986266'],
      ['cu-cc1', '1234567.890123', '12.5', '154320.986265', '154320.986265'],
    ]);
  });

  it('answers the same to Accept: text/csv, and the admin too', async () => {
    const byFormat = (await csvOf('/agents/ag-cc1/commissions?format=csv', agentToken)).text;
    expect((await csvOf('/agents/ag-cc1/commissions', agentToken, { accept: 'text/csv' })).text).toBe(byFormat);
    expect((await csvOf('/agents/ag-cc1/commissions?format=csv', app.adminToken)).text).toBe(byFormat);
    // ?format wins over Accept
    expect((await csvOf('/agents/ag-cc1/commissions?format=json', agentToken, { accept: 'text/csv' })).body.items).toHaveLength(5);
  });

  it('ignores limit and cursor for CSV, as documented (a cursor is not decoded: junk is no 400)', async () => {
    const byFormat = (await csvOf('/agents/ag-cc1/commissions?format=csv', agentToken)).text;
    const ignored = await csvOf('/agents/ag-cc1/commissions?format=csv&limit=1&cursor=junk', agentToken);
    expect([ignored.status, ignored.text]).toEqual([200, byFormat]);
    expect((await csvOf('/agents/ag-cc1/commissions?cursor=junk', agentToken, { accept: 'text/csv' })).text).toBe(byFormat);
    // the JSON list still refuses it
    expect((await csvOf('/agents/ag-cc1/commissions?cursor=junk', agentToken)).body.code).toBe('invalid_cursor');
  });

  it("refuses another agent's lines as the JSON route does, and a bad format", async () => {
    expect((await csvOf('/agents/ag-cc1/commissions?format=csv', otherAgentToken)).status).toBe(404);
    expect((await csvOf('/agents/ag-cc1/commissions', otherAgentToken, { accept: 'text/csv' })).status).toBe(404);
    expect((await csvOf('/agents/ag-cc1/commissions?format=csv', customerToken)).status).toBe(403);
    expect((await csvOf('/agents/ag-nobody/commissions?format=csv', app.adminToken)).status).toBe(404);
    const bad = await csvOf('/agents/ag-cc1/commissions?format=xml', agentToken);
    expect([bad.status, bad.body.code]).toEqual([400, 'validation']);
  });
});
