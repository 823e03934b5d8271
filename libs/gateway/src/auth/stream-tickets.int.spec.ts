// Stream tickets across two gateway processes sharing one PostgreSQL schema (as replicas do in
// distributed mode): issued by one, accepted by the other, used once whichever process sees it
// first, bounded per login, void after a password change.
import { Controller, Get, Module, Post } from '@nestjs/common';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { AcceptStreamTicket, CredentialsService, CurrentUser, MAX_TICKETS_PER_LOGIN, Roles, StreamTickets, type Principal } from '../index.js';
import { startGatewayTestApp, type GatewayTestApp } from '../testing/gateway-test-app.js';

const ROUTE = { purpose: 'test-stream', issuedBy: '/api/v1/tickets-test/tickets' };

@Controller('tickets-test')
class TicketsTestController {
  constructor(private readonly tickets: StreamTickets) {}

  @Post('tickets')
  @Roles('admin', 'agent')
  issue(@CurrentUser() user: Principal) {
    return this.tickets.issue(user, ROUTE.purpose);
  }

  @Post('other-tickets')
  @Roles('admin', 'agent')
  issueOther(@CurrentUser() user: Principal) {
    return this.tickets.issue(user, 'another-stream');
  }

  @Get('stream')
  @Roles('admin', 'agent')
  @AcceptStreamTicket(ROUTE)
  stream(@CurrentUser() user: Principal) {
    return user;
  }
}

@Module({ controllers: [TicketsTestController] })
class TicketsTestModule {}

let first: GatewayTestApp;
let second: GatewayTestApp;
let agentToken: string;

beforeAll(async () => {
  const schema = uniqueName('tickets');
  first = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema, imports: [TicketsTestModule], dropSchemaOnClose: false });
  second = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema, imports: [TicketsTestModule] });
  await first.app.get(CredentialsService).createLogin({ username: 'agent-t', password: 'agent-t-password', role: 'agent', subjectId: 'agent-t' });
  agentToken = await first.login('agent-t', 'agent-t-password');
}, 60_000);

afterAll(async () => {
  await first?.close();
  await second?.close(); // drops the schema
}, 60_000);

const issue = async (on: GatewayTestApp, path = 'tickets'): Promise<string> => {
  const res = await on.request('POST', `/api/v1/tickets-test/${path}`, { token: agentToken });
  expect(res.status).toBe(201);
  expect(res.body).toEqual({ ticket: expect.stringMatching(/^st_[A-Za-z0-9_-]{43}$/), expiresInSeconds: 30, expiresAt: expect.any(String) });
  return res.body.ticket as string;
};
const open = (on: GatewayTestApp, ticket: string) => on.request('GET', `/api/v1/tickets-test/stream?ticket=${ticket}`);

it('a ticket issued by one process opens the stream on another, once, as its principal', async () => {
  const ticket = await issue(first);
  const opened = await open(second, ticket);
  expect(opened.status).toBe(200);
  expect(opened.body).toEqual({ role: 'agent', subjectId: 'agent-t', username: 'agent-t' });
  expect((await open(first, ticket)).status).toBe(401);
  expect((await open(second, ticket)).status).toBe(401);
});

it('two processes racing for one ticket: exactly one wins', async () => {
  for (let round = 0; round < 5; round++) {
    const ticket = await issue(first);
    const answers = await Promise.all([open(first, ticket), open(second, ticket), open(first, ticket), open(second, ticket)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401]);
  }
});

it('opens only the stream it was issued for, and only for the login as it was', async () => {
  expect((await open(first, await issue(first, 'other-tickets'))).status).toBe(401);
  const beforeChange = await issue(first);
  await first.app.get(CredentialsService).changePassword('agent-t', 'agent-t-password-2');
  expect((await open(second, beforeChange)).status).toBe(401);
  agentToken = await first.login('agent-t', 'agent-t-password-2');
  expect((await open(second, await issue(first))).status).toBe(200);
});

it('keeps at most MAX_TICKETS_PER_LOGIN unused tickets per login (the oldest go) and deletes expired ones', async () => {
  const tickets: string[] = [];
  for (let i = 0; i < MAX_TICKETS_PER_LOGIN + 5; i++) tickets.push(await issue(i % 2 === 0 ? first : second));
  const count = async () => Number((await first.pool.query(`SELECT count(*) FROM ${first.schema}.stream_tickets WHERE username = 'agent-t'`)).rows[0].count);
  expect(await count()).toBe(MAX_TICKETS_PER_LOGIN);
  expect((await open(first, tickets[0]!)).status).toBe(401); // dropped
  expect((await open(first, tickets.at(-1)!)).status).toBe(200);

  await first.pool.query(`UPDATE ${first.schema}.stream_tickets SET expires_at = now() - interval '1 second'`);
  await issue(second);
  expect(await count()).toBe(1);
});
