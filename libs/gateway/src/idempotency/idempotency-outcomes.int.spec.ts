// Which answers an Idempotency-Key keeps (issue 12 §6): only the outcome of an executed command.
// A 404 for an entity that appears a moment later, a 429, a 503 or a 500 must not be replayed:
// the retry with the same key executes and succeeds. A decided refusal (409) stays the answer.
import { Controller, Module, Param, Post } from '@nestjs/common';
import { beforeDecision, RejectedCommand } from '@billing/decider';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { randomUUID } from 'node:crypto';
import { Idempotent, ProblemException, REPLAYED_HEADER, Roles } from '../index.js';
import { startGatewayTestApp, type GatewayTestApp } from '../testing/gateway-test-app.js';

/** entities "another service" has made known to this one; failures to give before succeeding. */
const known = new Set<string>();
const failuresLeft = new Map<string, number>();
const executions = new Map<string, number>();

const count = (id: string) => executions.set(id, (executions.get(id) ?? 0) + 1);
const failOnce = (id: string) => {
  const left = failuresLeft.get(id) ?? 1;
  failuresLeft.set(id, left - 1);
  return left > 0;
};

@Controller('test')
class OutcomesController {
  @Post('entities/:id/deposits')
  @Roles('admin')
  @Idempotent()
  deposit(@Param('id') id: string) {
    count(id);
    if (!known.has(id)) throw new RejectedCommand('entity not found', 'not_found', 404);
    return { deposited: id };
  }

  @Post('overloaded/:id')
  @Roles('admin')
  @Idempotent()
  overloaded(@Param('id') id: string) {
    count(id);
    if (failOnce(id)) throw Object.assign(new Error('queue full'), { overloaded: true });
    return { done: id };
  }

  @Post('throttled/:id')
  @Roles('admin')
  @Idempotent()
  throttled(@Param('id') id: string) {
    count(id);
    if (failOnce(id)) throw new ProblemException(429, 'too_many_requests', 'Slow down.');
    return { done: id };
  }

  @Post('crashing/:id')
  @Roles('admin')
  @Idempotent()
  crashing(@Param('id') id: string) {
    count(id);
    if (failOnce(id)) throw new Error('the database went away');
    return { done: id };
  }

  @Post('checking/:id')
  @Roles('admin')
  @Idempotent()
  checking(@Param('id') id: string) {
    count(id);
    // a check before any command (accounts' RateSheetCheck: a sheet rating has not published yet)
    if (failOnce(id)) throw beforeDecision(new RejectedCommand('rate sheet "s-1" does not exist', 'rate_sheet_not_found', 422));
    return { done: id };
  }

  @Post('policing/:id')
  @Roles('admin')
  @Idempotent()
  policing(@Param('id') id: string) {
    count(id);
    // a policy before any command (an agent's billing terms; the sheet may be derived a moment later)
    if (failOnce(id)) throw new RejectedCommand('rate sheet "s-1" is not yours to bill with', 'rate_sheet_not_allowed', 403, {}, false);
    return { done: id };
  }

  @Post('forbidding/:id')
  @Roles('admin')
  @Idempotent()
  forbidding(@Param('id') id: string) {
    count(id);
    if (failOnce(id)) throw new RejectedCommand('PBX features are assigned by ITC only', 'features_itc_only', 403);
    return { done: id };
  }

  @Post('refusing/:id')
  @Roles('admin')
  @Idempotent()
  refusing(@Param('id') id: string) {
    count(id);
    if (failOnce(id)) throw new RejectedCommand('insufficient agent balance', 'insufficient_funds', 409);
    return { done: id };
  }
}

@Module({ controllers: [OutcomesController] })
class OutcomesModule {}

describe('Idempotency-Key: only executed outcomes are stored', () => {
  let gw: GatewayTestApp;
  let token: string;

  beforeAll(async () => {
    gw = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('gwidem'), imports: [OutcomesModule] });
    token = await gw.login('admin', gw.adminPassword!);
  }, 60_000);

  afterAll(async () => {
    await gw?.close();
  }, 60_000);

  const post = (path: string, key: string) => gw.request('POST', `/api/v1/test/${path}`, { token, headers: { 'idempotency-key': key }, body: {} });

  it('a 404 for an entity not known yet is not stored: the retry with the same key succeeds once it is known', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await post(`entities/${id}/deposits`, key);
    expect(first.status).toBe(404);
    known.add(id);
    const retry = await post(`entities/${id}/deposits`, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get(REPLAYED_HEADER)).toBeNull();
    expect(retry.body).toEqual({ deposited: id });
    // from now on the success is the answer
    const again = await post(`entities/${id}/deposits`, key);
    expect(again.status).toBe(201);
    expect(again.headers.get(REPLAYED_HEADER)).toBe('true');
    expect(executions.get(id)).toBe(2);
  });

  it.each([
    ['overloaded', 503],
    ['throttled', 429],
    ['crashing', 500],
    ['checking', 422],
    ['policing', 403],
  ])('a %s answer (%i) is not stored: the retry with the same key executes', async (path, status) => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await post(`${path}/${id}`, key);
    expect(first.status).toBe(status);
    const retry = await post(`${path}/${id}`, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get(REPLAYED_HEADER)).toBeNull();
    expect(executions.get(id)).toBe(2);
  });

  it('a refusal the domain decided (409) is the outcome: replayed, not executed again', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await post(`refusing/${id}`, key);
    expect(first.status).toBe(409);
    const retry = await post(`refusing/${id}`, key);
    expect(retry.status).toBe(409);
    expect(retry.headers.get(REPLAYED_HEADER)).toBe('true');
    expect(retry.body.code).toBe('insufficient_funds');
    expect(executions.get(id)).toBe(1);
  });

  it("a 403 a command's rules decided is the outcome too", async () => {
    const id = randomUUID();
    const key = randomUUID();
    expect((await post(`forbidding/${id}`, key)).status).toBe(403);
    const retry = await post(`forbidding/${id}`, key);
    expect(retry.status).toBe(403);
    expect(retry.headers.get(REPLAYED_HEADER)).toBe('true');
    expect(executions.get(id)).toBe(1);
  });
});
