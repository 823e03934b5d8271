// Every number a command accepts is bounded before it reaches a column (acceptance H9: a customer's
// lowBalanceThreshold or a profile's initialBalance of "99999999999999999" was a 500, "value out of
// range" for the bigint micro-unit column). The routes and their fields come from the OpenAPI
// document the app serves, so a new route or field is covered without editing this spec: every
// money or percentage string (the decimal `pattern`) gets "99999999999999999", every integer 10^20
// (beyond any column), each in its own request by a role the route admits; each must be a 400
// `validation` naming the field, and no row of any service's schema may change.
import { startGatewayTestApp, TEST_SWITCH_API_KEY, type GatewayTestApp } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { jest } from '@jest/globals';
import type pg from 'pg';
import { moneyPathModules } from './service-modules.js';

jest.setTimeout(180_000);

type Json = Record<string, any>;

const schemas = { accounts: uniqueName('oor_accounts'), wallet: uniqueName('oor_wallet'), rating: uniqueName('oor_rating') };
let pool: pg.Pool;
let bus: InProcessBus;
let gw: GatewayTestApp;
const tokens: string[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  pool = createPool(testDatabaseUrl(), { max: 10, applicationName: 'test-out-of-range' });
  bus = new InProcessBus({ logger: silentLogger });
  const accountsService = uniqueName('accounts');
  gw = await startGatewayTestApp({
    databaseUrl: testDatabaseUrl(),
    schema: uniqueName('oor_gw'),
    imports: moneyPathModules(
      { pool, bus, sipRealm: 'sip.test.example' },
      { accounts: { schema: schemas.accounts, service: accountsService }, wallet: { schema: schemas.wallet, accountsService, holdSweepIntervalMs: 0 }, rating: { schema: schemas.rating, accountsService } },
    ),
  });
  const admin = await gw.login('admin', gw.adminPassword!);
  const itc = as(admin);
  const rows = [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }];
  expect((await itc('POST', '/rate-sheets', { sheetId: 'oor-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
  const agent = await itc('POST', '/agents', { name: 'Agent OOR', contactEmail: 'oor@example.com', commissionPercent: '10', rateSheetId: 'oor-base', username: 'agent-oor', password: 'Correct-Horse-9' });
  expect(agent.status).toBe(201);
  const profile = await itc('POST', '/customer-profiles', { name: 'OOR prepaid', billingType: 'prepaid', rateSheetId: 'oor-base', initialBalance: '10' });
  expect(profile.status).toBe(201);
  const opened = await itc('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  Object.assign(ids, { agents: agent.body.id, customers: opened.body.customer.id, 'customer-profiles': profile.body.id, 'rate-sheets': 'oor-base' });
  const { portalUsername, portalPassword } = opened.body.credentials as { portalUsername: string; portalPassword: string };
  tokens.push(admin, await gw.login('agent-oor', 'Correct-Horse-9'), await gw.login(portalUsername, portalPassword), TEST_SWITCH_API_KEY);
});

afterAll(async () => {
  await gw?.close();
  await bus?.close();
  for (const schema of Object.values(schemas)) await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool?.end();
});

const as = (token: string) => (method: string, path: string, body?: unknown) =>
  gw.request(method, `/api/v1${path}`, { token, headers: { 'Idempotency-Key': uniqueName('oor') }, ...(body === undefined ? {} : { body }) });

/** A path parameter: the id of the fixture the path names (access checks may run before validation), else one that does not exist. */
const concrete = (path: string) => path.replace(/^\/api\/v1/, '').replace(/\/([a-z-]+)\/\{[^}]+\}/g, (_all, collection: string) => `/${collection}/${ids[collection] ?? 'oor-none'}`).replace(/\{[^}]+\}/g, 'oor-none');

const MONEY_PATTERN = /\[0-9\]\{0,17\}/; // the decimal grammar of money and percentages (@billing/contracts)
const HUGE_MONEY = '99999999999999999';
const HUGE_INTEGER = 1e20;

const RATE_ROW = { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] };

/**
 * Decks (§9) and CDRs (§10) answer their own documented problems, row by row: a deck is checked
 * only once its header is whole, so its probes carry a valid deck around the one bad field; a CDR
 * of a batch is answered in the batch's 200, each with its errors.
 */
const OWN_RULES: Record<string, { base?: Json; codes: string[] }> = {
  'POST /api/v1/rate-sheets': { base: { sheetId: 'oor-new', name: 'New', rows: [RATE_ROW] }, codes: ['invalid_deck', 'invalid_deck_header'] },
  'POST /api/v1/rate-sheets/{id}/versions': { base: { rows: [RATE_ROW] }, codes: ['invalid_deck', 'invalid_deck_header'] },
  'POST /api/v1/switch/cdrs': { codes: ['invalid_cdr'] },
};

/** `base` with `probe` laid over it (objects by key, arrays by index). */
function overlay(base: unknown, probe: unknown): unknown {
  if (Array.isArray(probe)) return probe.map((item, i) => overlay(Array.isArray(base) ? base[i] : undefined, item));
  if (probe !== null && typeof probe === 'object') {
    const out: Json = { ...(base !== null && typeof base === 'object' ? base : {}) };
    for (const [key, value] of Object.entries(probe)) out[key] = overlay(out[key], value);
    return out;
  }
  return probe;
}

interface Probe {
  /** JSON pointer of the field, `/targets/0/ringSeconds`. */
  pointer: string;
  body: unknown;
}

/** Every money and integer field of a request body schema, each with a body that carries only it (out of range). */
function probes(schema: Json | undefined, document: Json, pointer = ''): Probe[] {
  if (schema === undefined) return [];
  if (typeof schema.$ref === 'string') return probes(document.components.schemas[schema.$ref.split('/').pop()!], document, pointer);
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])] as Json[];
  if (variants.length > 0) return variants.flatMap((variant) => probes(variant, document, pointer));
  const value = schema.type === 'integer' ? HUGE_INTEGER : schema.type === 'string' && MONEY_PATTERN.test(String(schema.pattern ?? '')) ? HUGE_MONEY : undefined;
  if (value !== undefined) return [{ pointer, body: value }];
  if (schema.type === 'array') return probes(schema.items, document, `${pointer}/0`).map((probe) => ({ ...probe, body: [probe.body] }));
  return Object.entries((schema.properties ?? {}) as Record<string, Json>).flatMap(([name, property]) =>
    probes(property, document, `${pointer}/${name}`).map((probe) => ({ ...probe, body: { [name]: probe.body } })),
  );
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await pool.query<{ schema: string; name: string }>(`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE'`, [Object.values(schemas)]);
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables.rows) counts[`${schema}.${name}`] = Number((await pool.query(`SELECT count(*) AS n FROM "${schema}"."${name}"`)).rows[0].n);
  return counts;
}

it('answers 400 validation naming the field for an out-of-range value in every money and integer field of every command route, and changes nothing', async () => {
  const document = (await gw.request('GET', '/api/docs-json')).body as Json;
  const before = await rowCounts();
  const outcomes: Json[] = [];
  let probed = 0;
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    if (path.includes('/internal/')) continue; // service-to-service: their own bounded contracts, not a person's input
    for (const method of ['post', 'put', 'patch']) {
      const schema = item[method]?.requestBody?.content?.['application/json']?.schema as Json | undefined;
      for (const probe of probes(schema, document)) {
        probed += 1;
        const route = `${method.toUpperCase()} ${path}`;
        const own = OWN_RULES[route];
        let res = undefined as Awaited<ReturnType<ReturnType<typeof as>>> | undefined;
        for (const token of tokens) {
          res = await as(token)(method.toUpperCase(), concrete(path), overlay(own?.base, probe.body));
          if (res.status !== 401 && res.status !== 403) break;
        }
        const field = probe.pointer.slice(1).replace(/\/(\d+)/g, '[$1]').replaceAll('/', '.'); // a CDR's and a deck's spelling: cdrs[0].billsec
        const errors = [...((res!.body?.errors ?? []) as Json[]), ...(((res!.body?.results ?? []) as Json[]).flatMap((result) => result.errors ?? []) as Json[])];
        const named = errors.some((error) => error.path === probe.pointer || error.field === field);
        // a batch answers each CDR in its 200 (§10); everything else is the request's 4xx
        const refused = res!.status === 200 && route === 'POST /api/v1/switch/cdrs' ? errors.length > 0 : res!.status === 400 || (own !== undefined && res!.status === 422);
        const code = res!.body?.code ?? (errors.length > 0 ? 'invalid_cdr' : undefined);
        if (!refused || !named || !['validation', ...(own?.codes ?? [])].includes(code)) outcomes.push({ route, field: probe.pointer, status: res!.status, code, errors });
        else outcomes.push({ route, field: probe.pointer, refused: true });
      }
    }
  }
  expect(probed).toBeGreaterThan(20);
  expect(outcomes.filter((o) => o.refused !== true)).toEqual([]);
  // the customer's own threshold and the profile's initial balance (the two the acceptance run met) are among them
  expect(outcomes.map((o) => `${o.route} ${o.field}`)).toEqual(expect.arrayContaining(['PATCH /api/v1/customers/{id}/settings /lowBalanceThreshold', 'POST /api/v1/customer-profiles /initialBalance']));
  expect(await rowCounts()).toEqual(before);
});

it('answers one error naming the route\'s own bound for a bad `limit` on every list route (acceptance: limit=1e20 said "at most 9007199254740991", then "at most 500" again)', async () => {
  const document = (await gw.request('GET', '/api/docs-json')).body as Json;
  const wrong: Json[] = [];
  const routes: string[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    const limit = ((item.get?.parameters ?? []) as Json[]).find((parameter) => parameter.in === 'query' && parameter.name === 'limit')?.schema as Json | undefined;
    if (limit === undefined || path.includes('/internal/')) continue;
    routes.push(path);
    const range = `must be a whole number from ${limit.minimum} to ${limit.maximum}`;
    for (const [value, message] of [['1e20', `must be at most ${limit.maximum}`], ['-1', `must be at least ${limit.minimum}`], ['abc', range], ['1.5', range]]) {
      let res = undefined as Awaited<ReturnType<ReturnType<typeof as>>> | undefined;
      for (const token of tokens) {
        res = await as(token)('GET', `${concrete(path)}?limit=${value}`);
        if (res.status !== 401 && res.status !== 403) break;
      }
      const answer = { status: res!.status, code: res!.body?.code, errors: res!.body?.errors };
      const expected = { status: 400, code: 'validation', errors: [{ path: '/limit', message }] };
      if (JSON.stringify(answer) !== JSON.stringify(expected)) wrong.push({ path, value, ...answer });
    }
  }
  // several services' lists, with different bounds (rating's calls go to 500, the wallet's and accounts' lines to 200)
  expect(routes).toEqual(expect.arrayContaining(['/api/v1/customers/{id}/calls', '/api/v1/agents/{id}/transactions', '/api/v1/agents']));
  expect(wrong).toEqual([]);
});
