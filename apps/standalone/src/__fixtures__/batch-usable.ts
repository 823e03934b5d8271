// What "a batch is usable at once" means, for the in-process and the distributed spec alike: right
// after the 201 of a batch of the maximum size — no sleep, no polling — every customer is listed by
// GET /wallet/balances with its initial balance, and customers across the batch authorize.
import type { GatewayTestApp } from '@billing/gateway';
import { expect } from '@jest/globals';

export const MAX_BATCH = 1000;
/** `GET /wallet/balances?ids=` takes at most this many ids. */
const IDS_PER_LIST = 200;
/** Authorizations tried, spread over the batch (each is a hold the wallet decides on). */
const AUTHORIZED = 20;

export async function expectBatchUsable(gw: GatewayTestApp, admin: string, switchKey: string, prefix: string): Promise<{ answeredInMs: number }> {
  const as = (token: string) => (method: string, path: string, body?: unknown) => gw.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  const rows = [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }];
  expect((await as(admin)('POST', '/rate-sheets', { sheetId: `${prefix}-base`, name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
  const profile = await as(admin)('POST', '/customer-profiles', { name: `${prefix} batch`, billingType: 'prepaid', rateSheetId: `${prefix}-base`, initialBalance: '1', maxConcurrentCalls: 2 });
  expect(profile.status).toBe(201);

  const started = Date.now();
  const batch = await as(admin)('POST', '/customers/batch', { profileId: profile.body.id, count: MAX_BATCH });
  const answeredInMs = Date.now() - started;
  expect(batch.status).toBe(201);
  const customers = batch.body.customers as { customerId: string; accountNumber: string }[];
  expect(customers).toHaveLength(MAX_BATCH);

  const listed: { id: string; balance: string }[] = [];
  for (let start = 0; start < customers.length; start += IDS_PER_LIST) {
    const ids = customers.slice(start, start + IDS_PER_LIST).map((customer) => customer.customerId);
    const list = await as(admin)('GET', `/wallet/balances?kind=customer&ids=${ids.join(',')}&limit=${IDS_PER_LIST}`);
    expect(list.status).toBe(200);
    listed.push(...(list.body.items as { id: string; balance: string }[]));
  }
  const missing = customers.filter((customer) => !listed.some((item) => item.id === customer.customerId));
  expect({ missing: missing.length, listed: listed.length }).toEqual({ missing: 0, listed: MAX_BATCH });
  expect(listed.filter((item) => item.balance !== '1')).toEqual([]);

  const step = Math.floor(MAX_BATCH / AUTHORIZED);
  for (let i = step - 1; i < customers.length; i += step) {
    const res = await as(switchKey)('POST', '/switch/authorize', { callId: `${prefix}-${i}`, callerId: '', account: customers[i]!.accountNumber, destination: '+442079460958' });
    expect(res.status).toBe(200);
    expect({ i, allowed: res.body.allowed }).toEqual({ i, allowed: true });
  }
  return { answeredInMs };
}
