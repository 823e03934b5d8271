// The `service` role (INTERNAL_SERVICE_KEY): the only credential of the internal routes, and good
// for nothing else — the switch key and people's tokens are refused there, the service key is
// refused everywhere else; a process without INTERNAL_SERVICE_KEY (standalone) opens them to nobody.
import { Controller, Get, Module } from '@nestjs/common';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { CurrentUser, Roles, type Principal } from '../index.js';
import { startGatewayTestApp, TEST_INTERNAL_SERVICE_KEY, TEST_SWITCH_API_KEY, type GatewayTestApp } from '../testing/gateway-test-app.js';

@Controller('internal/probe')
class InternalProbeController {
  @Get()
  @Roles('service')
  who(@CurrentUser() user: Principal) {
    return user;
  }
}

@Controller('probe')
class PublicProbeController {
  @Get('people')
  people(@CurrentUser() user: Principal) {
    return user;
  }

  @Get('switch')
  @Roles('switch')
  forSwitch(@CurrentUser() user: Principal) {
    return user;
  }
}

@Module({ controllers: [InternalProbeController, PublicProbeController] })
class ProbeModule {}

let distributed: GatewayTestApp;
let standalone: GatewayTestApp;

beforeAll(async () => {
  distributed = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('svcrole'), imports: [ProbeModule] });
  // blank = unset, as `npm start` runs without it
  standalone = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('svcrole_sa'), imports: [ProbeModule], env: { INTERNAL_SERVICE_KEY: '' } });
}, 60_000);

afterAll(async () => {
  await distributed?.close();
  await standalone?.close();
}, 60_000);

const status = async (app: GatewayTestApp, path: string, token?: string) => (await app.request('GET', `/api/v1${path}`, token === undefined ? {} : { token })).status;

it('an internal route takes the internal service key only: the switch key and a person 403, nothing 401', async () => {
  const answer = await distributed.request('GET', '/api/v1/internal/probe', { token: TEST_INTERNAL_SERVICE_KEY });
  expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { role: 'service', subjectId: 'service', username: 'service' } });
  const admin = await distributed.login('admin', distributed.adminPassword!);
  expect(await status(distributed, '/internal/probe', TEST_SWITCH_API_KEY)).toBe(403);
  expect(await status(distributed, '/internal/probe', admin)).toBe(403);
  expect(await status(distributed, '/internal/probe')).toBe(401);
  expect(await status(distributed, '/internal/probe', `${TEST_INTERNAL_SERVICE_KEY}x`)).toBe(401);
});

it('the internal service key opens nothing else: people routes, switch routes, /auth/me are 403', async () => {
  expect(await status(distributed, '/probe/people', TEST_INTERNAL_SERVICE_KEY)).toBe(403);
  expect(await status(distributed, '/probe/switch', TEST_INTERNAL_SERVICE_KEY)).toBe(403);
  expect(await status(distributed, '/auth/me', TEST_INTERNAL_SERVICE_KEY)).toBe(403);
  const basic = `Basic ${Buffer.from(`switch:${TEST_INTERNAL_SERVICE_KEY}`).toString('base64')}`;
  expect((await distributed.request('GET', '/api/v1/probe/switch', { headers: { authorization: basic } })).status).toBe(401);
});

it('without INTERNAL_SERVICE_KEY (standalone) no credential opens the internal routes', async () => {
  expect(await status(standalone, '/internal/probe', TEST_INTERNAL_SERVICE_KEY)).toBe(401);
  expect(await status(standalone, '/internal/probe', TEST_SWITCH_API_KEY)).toBe(403);
  expect(await status(standalone, '/internal/probe')).toBe(401);
});
