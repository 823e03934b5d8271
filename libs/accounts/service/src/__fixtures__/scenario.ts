// Requests the integration tests repeat: register an agent, create a profile, open customers.
import { expect } from '@jest/globals';
import type { TestResponse } from '@billing/gateway';
import type { AccountsTestApp } from './accounts-test-app.js';

let sequence = 0;

export function agentBody(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    name: `Agent ${sequence}`,
    contactEmail: `ops${sequence}@agent.example`,
    commissionPercent: '12.5',
    rateSheetId: 'sheet-base',
    lowBalanceThreshold: '50',
    username: `agent-${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
    password: 'agent-password-1',
    ...overrides,
  };
}

export async function registerAgent(app: AccountsTestApp, overrides: Record<string, unknown> = {}) {
  const body = agentBody(overrides);
  const res = await app.request('POST', '/api/v1/agents', { token: app.adminToken, body });
  expectStatus(res, 201);
  const token = await app.gw.login(body.username, body.password);
  return { id: res.body.id as string, username: body.username, password: body.password, token, view: res.body };
}

export async function createProfile(app: AccountsTestApp, token: string, overrides: Record<string, unknown> = {}) {
  sequence += 1; // one owner's profiles have different names (409 name_taken)
  const res = await app.request('POST', '/api/v1/customer-profiles', {
    token,
    body: { name: `Prepaid 5 #${sequence}`, billingType: 'prepaid', initialBalance: '5', lowBalanceThreshold: '1', maxConcurrentCalls: 2, language: 'en', ...overrides },
  });
  expectStatus(res, 201);
  return res.body.id as string;
}

export async function openCustomer(app: AccountsTestApp, token: string, body: Record<string, unknown>) {
  const res = await app.request('POST', '/api/v1/customers', { token, body });
  expectStatus(res, 201);
  return res.body as { customer: { id: string; accountNumber: string; sipUsername: string; portalUsername: string }; credentials: Record<string, string> };
}

/** A clear failure message with the problem's detail instead of "expected 201, got 422". */
export function expectStatus(res: TestResponse, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
}

export function expectProblem(res: TestResponse, status: number, code?: string): void {
  expect({ status: res.status, contentType: res.contentType.split(';')[0] }).toEqual({ status, contentType: 'application/problem+json' });
  if (code !== undefined) expect(res.body.code).toBe(code);
}
