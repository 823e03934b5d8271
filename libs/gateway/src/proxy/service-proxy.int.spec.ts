// The distributed gateway's half of read-your-writes for the reports: a service's answer naming the
// integration events its command committed (x-committed-events) reaches the client only once the
// reports consumer of the gateway process has handled them, and never with that internal header.
import { COMMITTED_EVENTS_HEADER, HandledEvents } from '@billing/messaging';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse } from '../http-types.js';
import { serviceProxy } from './service-proxy.js';

const servers: http.Server[] = [];
const listen = async (handler: http.RequestListener): Promise<string> => {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

async function gatewayWith(handledEvents: HandledEvents, committed: string): Promise<string> {
  const wallet = await listen((_request, response) => {
    response.writeHead(201, { 'content-type': 'application/json', ...(committed === '' ? {} : { [COMMITTED_EVENTS_HEADER]: committed }) });
    response.end('{"moved":"10"}');
  });
  const upstreams = { accounts: wallet, wallet, rating: wallet, notifications: wallet };
  const proxy = serviceProxy({ upstreams, handledEvents });
  return listen((request, response) => proxy(request as HttpRequest, response as HttpResponse, () => response.end()));
}

const e1 = '00000000-0000-4000-8000-000000000001';
const e2 = '00000000-0000-4000-8000-000000000002';

it('holds the answer until the reports handled the committed events, and strips the header', async () => {
  const handled = new HandledEvents();
  handled.track(async () => new Set());
  const gateway = await gatewayWith(handled, `${e1},${e2}`);
  let answered = false;
  const answer = fetch(`${gateway}/api/v1/payments/anything`, { method: 'POST' }).then((res) => ((answered = true), res));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(answered).toBe(false);
  handled.handled(e1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(answered).toBe(false);
  handled.handled(e2);
  const res = await answer;
  expect(res.status).toBe(201);
  expect(res.headers.get(COMMITTED_EVENTS_HEADER)).toBeNull();
  expect(await res.json()).toEqual({ moved: '10' });
});

it('answers at once an answer without committed events, or events handled before it came', async () => {
  const handled = new HandledEvents();
  handled.track(async () => new Set());
  handled.handled(e1);
  for (const committed of ['', e1]) {
    const started = Date.now();
    const res = await fetch(`${await gatewayWith(handled, committed)}/api/v1/payments/anything`, { method: 'POST' });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(1_000);
  }
});

it('never forwards /api/v1/internal/*: the services call those routes on each other directly', async () => {
  let reached = 0;
  const wallet = await listen((_request, response) => {
    reached += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"results":[{"charged":true}]}');
  });
  const proxy = serviceProxy({ upstreams: { accounts: wallet, wallet, rating: wallet, notifications: wallet } });
  const gateway = await listen((request, response) =>
    proxy(request as HttpRequest, response as HttpResponse, () => {
      response.writeHead(404);
      response.end();
    }),
  );
  for (const path of ['/api/v1/internal/wallet/holds/charges', '/api/v1/internal/wallet/holds', '/api/v1/internal/rating/accounts-catch-up', '/api/v1/internal/accounts/history?agentId=x']) {
    const res = await fetch(`${gateway}${path}`, { method: 'POST', headers: { authorization: 'Bearer sk_switch' }, body: '{}' });
    expect({ path, status: res.status }).toEqual({ path, status: 404 });
  }
  expect(reached).toBe(0);
});
