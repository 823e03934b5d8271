// An agent opening a customer it is to fund: accounts reserves the initial balance on the agent
// (the AgentFunds port) before it opens, so an initial balance the agent cannot cover is a 409 and
// nothing is opened. The port here is a ledger of fixed balances standing in for the wallet
// process (the real one: apps/standalone in-process-ports.int.spec.ts, and the e2e seed scenario).
import { Injectable } from '@nestjs/common';
import { jest } from '@jest/globals';
import { parseMoney } from '@billing/money';
import { startAccountsTestApp, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, registerAgent } from '../__fixtures__/scenario.js';
import type { AgentFunds, InitialBalanceReservation } from '../accounts.options.js';

jest.setTimeout(90_000);

const balances = new Map<string, bigint>();
const asked: string[] = [];
const reserved = new Map<string, { agentId: string; amountMicros: bigint }>();
const released: string[] = [];
/** what the wallet answers for an agent it refuses for another reason than money (in debt, unknown, …). */
const refusals = new Map<string, Omit<Extract<InitialBalanceReservation, { reserved: false }>, 'reserved'>>();
/** runs once inside the next reservation: what happens between the reservation and the append. */
let meanwhile: (() => Promise<void>) | undefined;

@Injectable()
class KnownBalances implements AgentFunds {
  async reserveInitialBalance(request: { agentId: string; customerId: string; amountMicros: bigint }): Promise<InitialBalanceReservation> {
    asked.push(request.agentId);
    const refusal = refusals.get(request.agentId);
    if (refusal !== undefined) return { reserved: false, ...refusal };
    const availableMicros = balances.get(request.agentId) ?? 0n;
    if (availableMicros < request.amountMicros) return { reserved: false, code: 'insufficient_funds', reason: 'insufficient agent balance', status: 409, availableMicros };
    balances.set(request.agentId, availableMicros - request.amountMicros);
    reserved.set(request.customerId, request);
    const run = meanwhile;
    meanwhile = undefined;
    await run?.();
    return { reserved: true };
  }

  async releaseInitialBalance(request: { agentId: string; customerId: string }): Promise<boolean> {
    const reservation = reserved.get(request.customerId);
    if (reservation === undefined) return false;
    reserved.delete(request.customerId);
    released.push(request.customerId);
    balances.set(request.agentId, (balances.get(request.agentId) ?? 0n) + reservation.amountMicros);
    return true;
  }
}

let app: AccountsTestApp;
let agent: Awaited<ReturnType<typeof registerAgent>>;

beforeAll(async () => {
  app = await startAccountsTestApp({ agentFunds: KnownBalances });
  agent = await registerAgent(app);
  balances.set(agent.id, parseMoney('10'));
});

afterAll(async () => {
  await app?.close();
});

const open = (token: string, profileId: string, key?: string, portalUsername?: string) =>
  app.request('POST', '/api/v1/customers', {
    token,
    body: { profileId, ...(portalUsername === undefined ? {} : { portalUsername }) },
    ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }),
  });

describe('an agent opening a customer with an initial balance', () => {
  it('is refused with 409 when the agent cannot fund it, and nothing is opened', async () => {
    const profile = await createProfile(app, agent.token, { initialBalance: '10.000001' });
    const before = await app.count('customers');
    const res = await open(agent.token, profile);
    expectProblem(res, 409, 'insufficient_funds');
    expect(res.body.detail).toBe('insufficient agent balance: the initial balance 10.000001 needs more than the 10 the agent has available');
    expect(res.body.available).toBe('10');
    expect(await app.count('customers')).toBe(before);
    expect(asked).toContain(agent.id);
  });

  it('answers the wallet’s own refusal with its code and status: an agent in debt, an agent account the wallet does not have', async () => {
    const profile = await createProfile(app, agent.token, { initialBalance: '1' });
    const before = await app.count('customers');
    refusals.set(agent.id, { code: 'in_debt', reason: 'agent account is in debt: a deposit must cover the debt first', status: 409, availableMicros: 0n });
    const inDebt = await open(agent.token, profile);
    expectProblem(inDebt, 409, 'in_debt');
    expect(inDebt.body.detail).toBe("the agent's initial balance of 1 cannot be reserved: agent account is in debt: a deposit must cover the debt first");
    expect(inDebt.body.available).toBe('0');
    refusals.set(agent.id, { code: 'account_not_found', reason: 'agent account not found', status: 404, availableMicros: 0n });
    expectProblem(await open(agent.token, profile), 404, 'account_not_found');
    refusals.delete(agent.id);
    expect(await app.count('customers')).toBe(before);
  });

  it('opens it when the agent can fund exactly that much', async () => {
    const profile = await createProfile(app, agent.token, { initialBalance: '10' });
    const res = await open(agent.token, profile, 'exactly-10');
    expectStatus(res, 201);
    expect(res.body.customer).toMatchObject({ initialBalance: '10', initialBalanceSource: 'agent' });
    // a retry of the same key answers the opened customer (200, no credentials), even once the money has been moved
    balances.set(agent.id, 0n);
    const retry = await open(agent.token, profile, 'exactly-10');
    expectStatus(retry, 200);
    expect(retry.body).toMatchObject({ customer: { id: res.body.customer.id }, credentials: null });
  });

  it('does not ask for a profile without an initial balance, nor for ITC-funded openings', async () => {
    asked.length = 0;
    expectStatus(await open(agent.token, await createProfile(app, agent.token, { initialBalance: '0' })), 201);
    // ITC opening for the agent funds the initial balance itself
    const itcProfile = await createProfile(app, app.adminToken, { initialBalance: '50' });
    expectStatus(await app.request('POST', '/api/v1/customers', { token: app.adminToken, body: { profileId: itcProfile, agentId: agent.id } }), 201);
    expect(asked).toEqual([]);
  });

  it('releases the reservation when the opening fails after it (its portal username taken in between)', async () => {
    balances.set(agent.id, parseMoney('10'));
    const funded = await createProfile(app, agent.token, { initialBalance: '10' });
    const free = await createProfile(app, agent.token, { initialBalance: '0' });
    meanwhile = async () => expectStatus(await open(agent.token, free, undefined, 'taken-in-between'), 201);
    const res = await open(agent.token, funded, 'loses-the-name', 'taken-in-between');
    expectProblem(res, 409, 'username_taken');
    expect(released).toHaveLength(1);
    expect(balances.get(agent.id)).toBe(parseMoney('10'));
  });
});
