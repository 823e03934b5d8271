// The client's auth: the in-memory token on every request, one session restore and one retry after
// a 401 (body included), never a loop on the auth routes, one restore for concurrent 401s.
import { describe, expect, it, vi } from 'vitest';
import { createApiClient, isProblem } from './index';

interface Seen {
  method: string;
  url: string;
  authorization: string | null;
  body: string;
}

/** A server that answers 401 to every token but `valid`. */
function fakeServer(valid: string) {
  const seen: Seen[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const authorization = request.headers.get('Authorization');
    seen.push({ method: request.method, url: new URL(request.url).pathname, authorization, body: await request.text() });
    if (authorization !== `Bearer ${valid}`) {
      return Response.json({ type: 'urn:itc-billing:problem:unauthorized', title: 'Unauthorized', status: 401, code: 'unauthorized' }, { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
    }
    return Response.json({ depositId: 'd-1' }, { status: 201 });
  });
  return { fetch, seen };
}

const deposit = (client: ReturnType<typeof createApiClient>) =>
  client.POST('/api/v1/agents/{id}/deposits', { params: { path: { id: 'a-1' }, header: { 'Idempotency-Key': 'k-1' } }, body: { amount: '12.50', reference: 'BANK-1' } });

describe('createApiClient', () => {
  it('sends the token it is given as a bearer token', async () => {
    const server = fakeServer('t1');
    const client = createApiClient({ baseUrl: 'http://api.test', getAccessToken: () => 't1', onUnauthorized: async () => null, fetch: server.fetch });
    const { data } = await deposit(client);
    expect(data).toEqual({ depositId: 'd-1' });
    expect(server.seen).toEqual([{ method: 'POST', url: '/api/v1/agents/a-1/deposits', authorization: 'Bearer t1', body: '{"amount":"12.50","reference":"BANK-1"}' }]);
  });

  it('after a 401 restores the session once and repeats the request, body and all, with the new token', async () => {
    const server = fakeServer('fresh');
    const onUnauthorized = vi.fn(async () => 'fresh');
    const client = createApiClient({ baseUrl: 'http://api.test', getAccessToken: () => 'expired', onUnauthorized, fetch: server.fetch });
    const { data, response } = await deposit(client);
    expect(response.status).toBe(201);
    expect(data).toEqual({ depositId: 'd-1' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.seen.map((s) => [s.authorization, s.body])).toEqual([
      ['Bearer expired', '{"amount":"12.50","reference":"BANK-1"}'],
      ['Bearer fresh', '{"amount":"12.50","reference":"BANK-1"}'],
    ]);
    // the Idempotency-Key travels with the retry, so a request that did land is not done twice
    expect(server.fetch.mock.calls[1]![0].headers.get('Idempotency-Key')).toBe('k-1');
  });

  it('hands the 401 problem to the caller when no session can be restored, and retries at most once', async () => {
    const server = fakeServer('never');
    const noSession = vi.fn(async () => null);
    const client = createApiClient({ baseUrl: 'http://api.test', getAccessToken: () => null, onUnauthorized: noSession, fetch: server.fetch });
    const first = await deposit(client);
    expect(first.response.status).toBe(401);
    expect(isProblem(first.error)).toBe(true);
    expect(server.seen).toHaveLength(1);

    const stillRejected = vi.fn(async () => 'also-wrong');
    const retrying = createApiClient({ baseUrl: 'http://api.test', getAccessToken: () => 'old', onUnauthorized: stillRejected, fetch: server.fetch });
    const second = await deposit(retrying);
    expect(second.response.status).toBe(401);
    expect(stillRejected).toHaveBeenCalledTimes(1);
    expect(server.seen).toHaveLength(3);
  });

  it('does not restore the session after a 401 of the auth routes (a wrong password, no session)', async () => {
    const server = fakeServer('never');
    const onUnauthorized = vi.fn(async () => 'fresh');
    const client = createApiClient({ baseUrl: 'http://api.test', getAccessToken: () => null, onUnauthorized, fetch: server.fetch });
    const { response } = await client.POST('/api/v1/auth/login', { body: { username: 'itc', password: 'wrong' } });
    expect(response.status).toBe(401);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('restores the session once for several requests that got a 401 together', async () => {
    const server = fakeServer('fresh');
    let release: (token: string) => void = () => undefined;
    const onUnauthorized = vi.fn(() => new Promise<string | null>((resolve) => (release = resolve)));
    const client = createApiClient({ baseUrl: 'http://api.test', getAccessToken: () => 'expired', onUnauthorized, fetch: server.fetch });
    const both = Promise.all([deposit(client), deposit(client)]);
    await vi.waitFor(() => expect(onUnauthorized).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    release('fresh');
    const answers = await both;
    expect(answers.map((a) => a.response.status)).toEqual([201, 201]);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe('isProblem', () => {
  it('recognises a problem+json answer and nothing else', () => {
    expect(isProblem({ type: 'urn:itc-billing:problem:validation', title: 'Validation', status: 400, code: 'validation', errors: [] })).toBe(true);
    expect(isProblem({ depositId: 'd-1' })).toBe(false);
    expect(isProblem(null)).toBe(false);
    expect(isProblem('unauthorized')).toBe(false);
  });
});
