// Rating's hold request over real HTTP stays inside the contract: the wallet refuses a `requested`
// above MAX_REQUEST_AMOUNT (400), so a call whose longest duration would cost more asks for the
// bound instead — never a 400 that would refuse the call as "wallet unavailable".
import { MAX_REQUEST_AMOUNT, PlaceHoldRequestV1 } from '@billing/contracts';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RemoteWalletHolds } from './remote-wallet-holds.js';

let server: Server;
let baseUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const parsed = PlaceHoldRequestV1.safeParse(JSON.parse(body));
      requested.push(parsed.success ? parsed.data.requested : 'refused');
      if (!parsed.success) return void response.writeHead(400, { 'content-type': 'application/problem+json' }).end('{"code":"validation"}');
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ granted: true, grantedAmount: '5', expiresAt: '2030-01-01T00:00:00.000Z' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('asks for at most MAX_REQUEST_AMOUNT; less is asked as it is', async () => {
  const holds = new RemoteWalletHolds({ baseUrl, apiKey: 'sk_test', timeoutMs: 1_000 });
  for (const requestedMicros of [2_000_000_000_000_000n, 1_000_000_000_000_001n, 12_500_000n]) {
    expect(await holds.placeHold({ customerId: 'c1', callId: `call-${requestedMicros}`, requestedMicros })).toMatchObject({ granted: true, grantedMicros: 5_000_000n });
  }
  expect(requested).toEqual([MAX_REQUEST_AMOUNT, MAX_REQUEST_AMOUNT, '12.5']);
});
