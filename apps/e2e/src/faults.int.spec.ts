// Fault tests of issue 7 on the distributed topology: while CDRs and deposits flow through the
// gateway, each process in turn is killed with SIGKILL and restarted, then the Kafka broker (a
// broker of this test's own) is stopped and started again. Clients retry as real ones do (the
// same Idempotency-Key, the same call ids). After recovery nothing is lost, nothing is doubled,
// every CDR is a rated call or an unrated one with its reason, and the audit passes.
import { formatMoney, parseMoney } from '@billing/money';
import { startRestartableKafka, type RestartableKafka } from '@billing/testing';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROCESSES } from '@billing/topology';
import { ADMIN_PASSWORD, DistributedWorld, SWITCH_API_KEY, eventually, type HttpAnswer, type RequestOptions } from './__fixtures__/distributed-world.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const CUSTOMERS = 10;
const RETRY_DEADLINE_MS = 90_000;
/** after the faults the consumers work off their backlog (bounded; slow only on a loaded machine). */
const CONVERGENCE_MS = 180_000;

describe('faults on the distributed topology', () => {
  let kafka: RestartableKafka;
  let world: DistributedWorld;
  let adminToken = '';

  beforeAll(async () => {
    kafka = await startRestartableKafka();
    world = await DistributedWorld.start({ kafkaBrokers: kafka.bootstrap });
  }, 240_000);

  afterAll(async () => {
    await world?.close();
    await kafka?.destroy();
  }, 120_000);

  it('kill -9 of every process and a broker restart lose nothing and double nothing', async () => {
    const admin = await world.login('admin', ADMIN_PASSWORD);
    adminToken = admin;
    await world.expect(201, 'POST', '/api/v1/rate-sheets', {
      token: admin,
      body: { sheetId: 'f-itc', name: 'ITC', effectiveFrom: '2020-01-01T00:00:00Z', rows: [{ prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.06', incrementSeconds: 1 }] }] },
    });
    const agent = await world.expect(201, 'POST', '/api/v1/agents', {
      token: admin,
      body: { name: 'Faulty Ltd', contactEmail: 'ops@faulty.example', commissionPercent: '10', rateSheetId: 'f-itc', username: 'faulty', password: 'faulty-portal-password-1' },
    });
    const agentId = agent.body.id as string;
    const agentToken = await world.login('faulty', 'faulty-portal-password-1');
    const profile = await world.expect(201, 'POST', '/api/v1/customer-profiles', { token: admin, body: { name: 'Prepaid', billingType: 'prepaid', maxConcurrentCalls: 50 } });
    const batch = await world.expect(201, 'POST', '/api/v1/customers/batch', { token: admin, body: { profileId: profile.body.id, agentId, count: CUSTOMERS } });
    const customers = batch.body.customers as { customerId: string; accountNumber: string }[];
    await eventually(async () => (await world.request('GET', `/api/v1/agents/${agentId}/overview`, { token: admin })).status === 200, 'the wallet opening the agent');
    await world.expect(201, 'POST', `/api/v1/agents/${agentId}/deposits`, { token: admin, body: { amount: '10000', reference: 'opening float' }, headers: { 'Idempotency-Key': 'f-float' } });
    for (const customer of customers) {
      await eventually(async () => (await world.request('GET', `/api/v1/customers/${customer.customerId}/balance`, { token: admin })).status === 200, 'the wallet opening the customers');
    }

    // ── the load: transfers of 1 and CDRs, each retried until it is answered (as real clients do)
    const transfers = new Map<string, bigint>(customers.map((c) => [c.customerId, 0n]));
    const callsOf = new Map<string, string[]>(customers.map((c) => [c.customerId, []]));
    const unknownCalls: string[] = [];
    let stop = false;
    let transfersSent = 0;
    let cdrBatches = 0;
    const transferLoop = async (lane: number) => {
      for (let i = 0; !stop; i += 1) {
        const customer = customers[(i + lane) % CUSTOMERS]!;
        const answer = await retried('POST', `/api/v1/customers/${customer.customerId}/deposits`, { token: agentToken, body: { amount: '1' }, headers: { 'Idempotency-Key': `f-transfer-${lane}-${i}` } });
        expect(answer.status).toBe(201);
        transfers.set(customer.customerId, transfers.get(customer.customerId)! + parseMoney('1'));
        transfersSent += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const cdrLoop = async () => {
      for (let n = 0; !stop; n += 1) {
        const cdrs = Array.from({ length: 5 }, (_, j) => {
          const unknown = j === 4 && n % 5 === 0;
          const customer = customers[(n * 5 + j) % CUSTOMERS]!;
          const callId = `f-call-${n}-${j}`;
          (unknown ? unknownCalls : callsOf.get(customer.customerId)!).push(callId);
          const startedAtMs = Date.now() - 600_000;
          const billsec = 1 + ((n * 7 + j * 13) % 120);
          return {
            callId,
            account: unknown ? '9999999999' : customer.accountNumber,
            callerId: '',
            destination: '12125550100',
            startedAt: new Date(startedAtMs).toISOString(),
            answeredAt: new Date(startedAtMs + 1_000).toISOString(),
            endedAt: new Date(startedAtMs + 1_000 + billsec * 1_000).toISOString(),
            billsec,
            disposition: 'answered',
          };
        });
        const answer = await retried('POST', '/api/v1/switch/cdrs', { token: SWITCH_API_KEY, body: { cdrs } });
        expect(answer.status).toBe(200);
        cdrBatches += 1;
        await new Promise((resolve) => setTimeout(resolve, 250)); // a steady flow (~20 calls/s), not a flood
      }
    };
    const load = Promise.all([transferLoop(0), transferLoop(1), cdrLoop()]);

    // ── the faults, one after another while the load runs
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await pause(2_000);
    for (const name of PROCESSES) {
      await world.topology.kill(name);
      await pause(1_000);
      await world.topology.startProcess(name);
      await pause(1_500);
    }
    await kafka.stop();
    await pause(3_000);
    await kafka.start();
    await pause(3_000);
    stop = true;
    await load;
    expect(transfersSent).toBeGreaterThan(20);
    expect(cdrBatches).toBeGreaterThan(5);

    // ── after recovery: every CDR is a call with a status; known accounts rated, unknown ones unrated with a reason
    const cost = new Map<string, bigint>();
    for (const [customerId, callIds] of callsOf) {
      const calls = await callHistory(customerId);
      expect(calls.map((call) => call.callId).sort()).toEqual([...callIds].sort());
      for (const call of calls) expect(call).toMatchObject({ status: 'rated', customerId });
      cost.set(customerId, calls.reduce((sum, call) => sum + parseMoney(call.cost), 0n));
    }
    for (const callId of unknownCalls) {
      const call = await world.expect(200, 'GET', `/api/v1/calls/${callId}`, { token: admin });
      expect(call.body).toMatchObject({ status: 'unrated', reason: expect.stringMatching(/account/) });
    }

    // ── every balance is exactly what was moved minus what was rated: nothing lost, nothing twice
    const moved = [...transfers.values()].reduce((a, b) => a + b, 0n);
    for (const customer of customers) {
      const expected = formatMoney(transfers.get(customer.customerId)! - cost.get(customer.customerId)!);
      try {
        await eventually(async () => (await world.request('GET', `/api/v1/customers/${customer.customerId}/balance`, { token: admin })).body.balance === expected, `customer ${customer.customerId} at ${expected}`, CONVERGENCE_MS);
      } catch (error) {
        throw new Error(`${String(error)}\n${await ledgerDiff(customer.customerId, callsOf.get(customer.customerId)!)}`);
      }
    }
    const overview = (await world.expect(200, 'GET', `/api/v1/agents/${agentId}/overview`, { token: admin })).body;
    expect(overview.balance).toBe(formatMoney(parseMoney('10000') - moved));
    expect(overview.commissionBalance).toBe(formatMoney(moved / 10n));

    const audit = await promisify(execFile)(process.execPath, ['tools/run-ts.mjs', 'tools/audit.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: world.databaseUrl, NODE_OPTIONS: '' } });
    expect(audit.stdout).toMatch(/OK in/);
  }, 600_000);

  /** What the wallet's ledger of a customer holds against what was sent: for a readable failure. */
  async function ledgerDiff(customerId: string, callIds: string[]): Promise<string> {
    const lines: { type: string; kind: string; ref: string; amount: string }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1_000 && (page === 0 || cursor !== null); page += 1) {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const answer: HttpAnswer = await world.expect(200, 'GET', `/api/v1/customers/${customerId}/transactions?limit=200${query}`, { token: adminToken });
      lines.push(...answer.body.items);
      cursor = answer.body.nextCursor;
    }
    const balance = (await world.request('GET', `/api/v1/customers/${customerId}/balance`, { token: adminToken })).body;
    const byRef = new Map<string, string[]>();
    for (const line of lines) byRef.set(line.ref, [...(byRef.get(line.ref) ?? []), `${line.type}:${line.amount}`]);
    const uncharged = callIds.filter((callId) => ![...byRef.keys()].some((ref) => ref.includes(callId)));
    const repeated = [...byRef.entries()].filter(([, entries]) => entries.length > 1);
    return [
      `balance now ${JSON.stringify(balance)}; ${lines.length} ledger lines; kinds ${JSON.stringify([...new Set(lines.map((l) => `${l.type}/${l.kind}`))])}`,
      `calls without a ledger line: ${uncharged.length} ${JSON.stringify(uncharged.slice(0, 10))}`,
      `refs with several lines: ${repeated.length} ${JSON.stringify(repeated.slice(0, 10))}`,
    ].join('\n');
  }

  /** Every call of the customer, page by page (bounded). */
  async function callHistory(customerId: string): Promise<{ callId: string; status: string; customerId: string; cost: string }[]> {
    const calls: { callId: string; status: string; customerId: string; cost: string }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1_000; page += 1) {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const answer: HttpAnswer = await world.expect(200, 'GET', `/api/v1/customers/${customerId}/calls?limit=200${query}`, { token: adminToken });
      calls.push(...answer.body.items);
      cursor = answer.body.nextCursor;
      if (cursor === null) return calls;
    }
    throw new Error('more than 1 000 pages of calls');
  }

  /** The request again until it gets an answer that is not a transport failure, a 5xx or an in-flight 409. */
  async function retried(method: string, urlPath: string, options: RequestOptions): Promise<HttpAnswer> {
    const deadline = Date.now() + RETRY_DEADLINE_MS;
    for (let attempt = 1; ; attempt += 1) {
      let answer: HttpAnswer | undefined;
      try {
        answer = await world.request(method, urlPath, options);
      } catch {
        answer = undefined; // connection refused or reset: the process is down
      }
      const retry = answer === undefined || answer.status >= 500 || (answer.status === 409 && answer.body?.code === 'idempotency_key_in_progress');
      if (!retry) return answer!;
      if (Date.now() > deadline) throw new Error(`${method} ${urlPath} still failing after ${attempt} attempts: ${answer?.status} ${answer?.text.slice(0, 300)}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(200 * attempt, 2_000)));
    }
  }
});
