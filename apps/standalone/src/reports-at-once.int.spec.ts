// Issue 12 §5 for the reports: GET /reports/summary is fed by a consumer of every context's
// integration events, yet right after the 2xx of a deposit, a transfer, a commission move or a CDR
// it already shows it — the answer waits (bounded) until the reports consumer of this process has
// handled the events the command committed (x-committed-events → HandledEvents). Each read follows
// its command at once, no sleep, no retry; on the in-process transport and on Kafka (outbox →
// relay → broker → reports, the distributed path).
import { topicFor } from '@billing/contracts';
import { startGatewayTestApp, TEST_SWITCH_API_KEY, type GatewayTestApp } from '@billing/gateway';
import { InProcessBus, KafkaBus, silentLogger, type IntegrationBus } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { ReportsModule } from '@billing/reports-service';
import { deleteTopics, testDatabaseUrl, testKafkaBrokers, uniqueName } from '@billing/testing';
import { jest } from '@jest/globals';
import type pg from 'pg';
import { moneyPathModules } from './service-modules.js';

jest.setTimeout(240_000);

const ROUNDS = 10;
const fastBackoff = { initialDelayMs: 20, maxDelayMs: 200, multiplier: 2 };

describe.each(['in-process', 'kafka'] as const)('the summary shows every command right after its 2xx (%s transport)', (transport) => {
  const services = { accounts: uniqueName('rao_accounts'), wallet: uniqueName('rao_wallet'), rating: uniqueName('rao_rating'), reports: uniqueName('rao_reports') };
  const schemas = { accounts: uniqueName('rao_accounts'), wallet: uniqueName('rao_wallet'), rating: uniqueName('rao_rating'), reports: uniqueName('rao_reports') };
  let pool: pg.Pool;
  let bus: IntegrationBus;
  let gw: GatewayTestApp;
  let admin: string;

  beforeAll(async () => {
    pool = createPool(testDatabaseUrl(), { max: 20, applicationName: 'test-reports-at-once' });
    bus =
      transport === 'kafka'
        ? new KafkaBus({
            brokers: testKafkaBrokers(),
            clientId: uniqueName('reports_at_once'),
            logger: silentLogger,
            partitions: 3,
            relay: { pollIntervalMs: 100, backoff: fastBackoff },
            consumer: { backoff: fastBackoff, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 100 },
          })
        : new InProcessBus({ logger: silentLogger });
    gw = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema: uniqueName('rao_gw'),
      imports: [
        ...moneyPathModules(
          { pool, bus, sipRealm: 'sip.test.example' },
          {
            accounts: { schema: schemas.accounts, service: services.accounts },
            wallet: { schema: schemas.wallet, service: services.wallet, accountsService: services.accounts, ratingService: services.rating, holdSweepIntervalMs: 0 },
            rating: { schema: schemas.rating, service: services.rating, accountsService: services.accounts },
          },
        ),
        ReportsModule.forRoot({ pool, bus, schema: schemas.reports, service: services.reports, sources: { accounts: services.accounts, wallet: services.wallet, rating: services.rating } }),
      ],
    });
    admin = await gw.login('admin', gw.adminPassword!);
  });

  afterAll(async () => {
    await gw?.close();
    await bus?.close();
    for (const schema of Object.values(schemas)) await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    if (transport === 'kafka') {
      const topics = [services.accounts, services.wallet, services.rating].map(topicFor);
      await deleteTopics(testKafkaBrokers(), [...topics, ...topics.map((topic) => `${topic}.dlq`)]);
    }
    await pool?.end();
  });

  const call = (token: string) => async (method: string, path: string, body?: unknown, key?: string) => {
    const res = await gw.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }), ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }) });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };

  it(`${ROUNDS}× deposit, transfer, commission move and CDR: each in the summary at once (0 stale reads)`, async () => {
    const itc = call(admin);
    const rows = [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }];
    await itc('POST', '/rate-sheets', { sheetId: 'rao-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows });
    const agent = await itc('POST', '/agents', { name: 'Reports At Once', contactEmail: 'rao@example.com', commissionPercent: '10', rateSheetId: 'rao-base', username: 'rao-agent', password: 'rao-agent-password-1' });
    const agentId = agent.body.id as string;
    const agentCall = call(await gw.login('rao-agent', 'rao-agent-password-1'));
    const profile = await agentCall('POST', '/customer-profiles', { name: 'Prepaid', billingType: 'prepaid' });
    const opened = await agentCall('POST', '/customers', { profileId: profile.body.id }, 'rao-open-1');
    const customer = opened.body.customer as { id: string; accountNumber: string };

    const now = Date.now();
    const range = `from=${new Date(now - 86_400_000).toISOString().slice(0, 10)}&to=${new Date(now + 86_400_000).toISOString().slice(0, 10)}`;
    const totals = async () => (await itc('GET', `/reports/summary?${range}`)).body.totals as {
      deposits: { toAgents: { count: number } };
      transfers: { count: number };
      commissions: { moved: { count: number } };
      calls: { rated: number };
    };
    const stale: string[] = [];
    const check = (what: string, seen: number, expected: number) => {
      if (seen !== expected) stale.push(`${what}: ${seen} instead of ${expected}`);
    };
    for (let round = 1; round <= ROUNDS; round += 1) {
      await itc('POST', `/agents/${agentId}/deposits`, { amount: '10', reference: `wire-${round}` }, `rao-deposit-${round}`);
      check(`deposit ${round}`, (await totals()).deposits.toAgents.count, round);
      await agentCall('POST', `/customers/${customer.id}/deposits`, { amount: '5' }, `rao-transfer-${round}`);
      check(`transfer ${round}`, (await totals()).transfers.count, round);
      await agentCall('POST', `/agents/${agentId}/commission-transfers`, {}, `rao-commission-${round}`);
      check(`commission move ${round}`, (await totals()).commissions.moved.count, round);
      const startedAt = new Date(now - 3_600_000 + round * 60_000);
      const cdr = {
        callId: `rao-${transport}-${round}`,
        account: customer.accountNumber,
        callerId: '',
        destination: '442079460958',
        startedAt: startedAt.toISOString(),
        answeredAt: new Date(startedAt.getTime() + 2_000).toISOString(),
        endedAt: new Date(startedAt.getTime() + 32_000).toISOString(),
        billsec: 30,
        disposition: 'answered',
      };
      await call(TEST_SWITCH_API_KEY)('POST', '/switch/cdrs', cdr);
      check(`CDR ${round}`, (await totals()).calls.rated, round);
    }
    expect(stale).toEqual([]);
  });

  it('3× a call unrated for want of a rate, re-rated once a version rates it (free): unratedCallsNow counts it down at once', async () => {
    const itc = call(admin);
    const uk = { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] };
    await itc('POST', '/rate-sheets', { sheetId: 'rao-rerate', name: 'Re-rate', effectiveFrom: '2020-01-01T00:00:00Z', rows: [uk] });
    const profile = await itc('POST', '/customer-profiles', { name: 'Re-rated', billingType: 'prepaid', rateSheetId: 'rao-rerate', initialBalance: '100' });
    const customer = (await itc('POST', '/customers', { profileId: profile.body.id })).body.customer as { id: string; accountNumber: string };
    const now = Date.now();
    const range = `from=${new Date(now - 86_400_000).toISOString().slice(0, 10)}&to=${new Date(now + 86_400_000).toISOString().slice(0, 10)}`;
    const unratedNow = async () => (await itc('GET', `/reports/summary?${range}`)).body.totals.unratedCallsNow as number;
    const before = await unratedNow();
    const stale: string[] = [];
    const check = (what: string, seen: number, expected: number) => {
      if (seen !== expected) stale.push(`${what}: ${seen} instead of ${expected}`);
    };
    const fixed: typeof uk[] = [uk];
    for (let round = 1; round <= 3; round += 1) {
      const startedAt = new Date(now - 3_600_000 + round * 60_000);
      const callId = `rao-rerate-${transport}-${round}`;
      const cdr = { callId, account: customer.accountNumber, callerId: '', destination: `3${round}123456789`, startedAt: startedAt.toISOString(), answeredAt: new Date(startedAt.getTime() + 2_000).toISOString(), endedAt: new Date(startedAt.getTime() + 32_000).toISOString(), billsec: 30, disposition: 'answered' };
      expect((await call(TEST_SWITCH_API_KEY)('POST', '/switch/cdrs', cdr)).body).toMatchObject({ status: 'unrated', reason: 'no_rate' });
      // counted as unrated first (the CDR's own wait is the first test's; a cold Kafka consumer may take longer than its 2 s)
      for (let tries = 0; (await unratedNow()) !== before + 1 && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await unratedNow()).toBe(before + 1);
      // free: the charge moves nothing in the wallet, so only rating's own events can hold the answer
      fixed.push({ prefix: `3${round}`, destination: `Zone 3${round}`, intervals: [{ startSecond: 0, ratePerMinute: '0', incrementSeconds: 60 }] });
      await itc('POST', '/rate-sheets/rao-rerate/versions', { effectiveFrom: `2020-01-0${round + 1}T00:00:00Z`, rows: fixed });
      expect((await itc('POST', `/calls/${callId}/re-rate`)).body).toMatchObject({ status: 'rated' });
      check(`re-rated ${round}`, await unratedNow(), before);
    }
    expect(stale).toEqual([]);
  });
});
