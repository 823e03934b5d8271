// accounts' reads of the wallet and rating over real HTTP: the contract's paths, the switch key,
// the answers parsed; a service that is down, slow or answering nonsense is a 503 problem.
import { ProblemException } from '@billing/gateway';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RemoteAgentFunds, RemoteRateSheets, type RemotePortsOptions } from './remote-ports.js';

let server: Server;
let baseUrl: string;
const seen: { path: string; authorization: string | undefined }[] = [];
let answer: (request: IncomingMessage, response: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ path: request.url ?? '', authorization: request.headers.authorization });
    answer(request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = (): RemotePortsOptions => ({ walletUrl: baseUrl, ratingUrl: baseUrl, apiKey: 'sk_test', timeoutMs: 300 });
const json = (body: unknown, status = 200) => (_: IncomingMessage, response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

async function problemOf(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemException);
  const { status, code } = (error as ProblemException).problem;
  return { status, code };
}

describe('RemoteAgentFunds and RemoteRateSheets', () => {
  it('ask the contract paths with the switch key and read the answers', async () => {
    seen.length = 0;
    answer = json({ agentId: 'ag/1', available: '12.5' });
    expect(await new RemoteAgentFunds(options()).availableMicros('ag/1')).toBe(12_500_000n);
    answer = json({ sheetId: 'itc-base', exists: false });
    expect(await new RemoteRateSheets(options()).exists('itc-base')).toBe(false);
    expect(seen).toEqual([
      { path: '/api/v1/internal/wallet/agents/ag%2F1/funds', authorization: 'Bearer sk_test' },
      { path: '/api/v1/internal/rating/sheets/itc-base', authorization: 'Bearer sk_test' },
    ]);
  });

  it('turn an error answer, a body off the contract, a timeout or a closed port into a 503', async () => {
    answer = json({ title: 'boom' }, 500);
    expect(await problemOf(new RemoteAgentFunds(options()).availableMicros('a'))).toEqual({ status: 503, code: 'wallet_unavailable' });
    answer = json({ agentId: 'a', available: 12.5 });
    expect(await problemOf(new RemoteAgentFunds(options()).availableMicros('a'))).toEqual({ status: 503, code: 'wallet_unavailable' });
    answer = () => undefined; // never answers
    expect(await problemOf(new RemoteRateSheets(options()).exists('s'))).toEqual({ status: 503, code: 'rating_unavailable' });
    const closed = { ...options(), ratingUrl: 'http://127.0.0.1:1' };
    expect(await problemOf(new RemoteRateSheets(closed).exists('s'))).toEqual({ status: 503, code: 'rating_unavailable' });
  });
});
