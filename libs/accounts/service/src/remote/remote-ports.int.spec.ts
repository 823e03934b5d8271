// accounts' calls to the wallet and rating over real HTTP: the contract's paths, bodies, the
// switch key, the answers parsed; a service that is down, slow or answering nonsense is a 503 problem.
import { ProblemException } from '@billing/gateway';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RemoteAgentFunds, RemoteRateSheets, type RemotePortsOptions } from './remote-ports.js';

let server: Server;
let baseUrl: string;
const seen: { path: string; authorization: string | undefined; body: string }[] = [];
let answer: (request: IncomingMessage, response: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
      answer(request, response);
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
    const funds = new RemoteAgentFunds(options());
    answer = json({ reserved: true, agentId: 'ag/1', customerId: 'c1', amount: '10' });
    expect(await funds.reserveInitialBalance({ agentId: 'ag/1', customerId: 'c1', amountMicros: 10_000_000n })).toEqual({ reserved: true });
    answer = json({ reserved: false, agentId: 'ag/1', customerId: 'c2', code: 'insufficient_funds', reason: 'insufficient agent balance', available: '2.5' });
    expect(await funds.reserveInitialBalance({ agentId: 'ag/1', customerId: 'c2', amountMicros: 10_000_000n })).toEqual({
      reserved: false,
      code: 'insufficient_funds',
      reason: 'insufficient agent balance',
      status: 409,
      availableMicros: 2_500_000n,
    });
    // the wallet's own status of another refusal (an agent account it does not have)
    answer = json({ reserved: false, agentId: 'ag/1', customerId: 'c3', code: 'account_not_found', reason: 'agent account not found', status: 404, available: '0' });
    expect(await funds.reserveInitialBalance({ agentId: 'ag/1', customerId: 'c3', amountMicros: 1n })).toMatchObject({ reserved: false, code: 'account_not_found', status: 404 });
    answer = json({ agentId: 'ag/1', customerId: 'c1', released: true });
    expect(await funds.releaseInitialBalance({ agentId: 'ag/1', customerId: 'c1' })).toBe(true);
    answer = json({ sheetId: 'itc-base', exists: false });
    expect(await new RemoteRateSheets(options()).exists('itc-base')).toBe(false);
    expect(seen).toEqual([
      { path: '/api/v1/internal/wallet/agents/ag%2F1/initial-balance-reservations', authorization: 'Bearer sk_test', body: '{"customerId":"c1","amount":"10"}' },
      { path: '/api/v1/internal/wallet/agents/ag%2F1/initial-balance-reservations', authorization: 'Bearer sk_test', body: '{"customerId":"c2","amount":"10"}' },
      { path: '/api/v1/internal/wallet/agents/ag%2F1/initial-balance-reservations', authorization: 'Bearer sk_test', body: '{"customerId":"c3","amount":"0.000001"}' },
      { path: '/api/v1/internal/wallet/agents/ag%2F1/initial-balance-reservations/c1/release', authorization: 'Bearer sk_test', body: '{}' },
      { path: '/api/v1/internal/rating/sheets/itc-base', authorization: 'Bearer sk_test', body: '' },
    ]);
  });

  it("RemoteRateSheets.info reads a sheet's lineage (what an agent may bill with)", async () => {
    seen.length = 0;
    const lineage = { sheetId: 'acme gold', exists: true, parentSheetId: 'acme-cost', markupPercent: '12.5', ownerAgentId: 'agent-1' };
    answer = json(lineage);
    expect(await new RemoteRateSheets(options()).info('acme gold')).toEqual(lineage);
    expect(seen).toEqual([{ path: '/api/v1/internal/rating/sheets/acme%20gold', authorization: 'Bearer sk_test', body: '' }]);
    answer = json({ ...lineage, markupPercent: 12.5 });
    expect(await problemOf(new RemoteRateSheets(options()).info('acme gold'))).toEqual({ status: 503, code: 'rating_unavailable' });
  });

  it('turn an error answer, a body off the contract, a timeout or a closed port into a 503', async () => {
    const reserve = () => new RemoteAgentFunds(options()).reserveInitialBalance({ agentId: 'a', customerId: 'c', amountMicros: 1n });
    answer = json({ title: 'boom' }, 500);
    expect(await problemOf(reserve())).toEqual({ status: 503, code: 'wallet_unavailable' });
    answer = json({ reserved: false, agentId: 'a', customerId: 'c', code: 'insufficient_funds', reason: 'x', available: 12.5 });
    expect(await problemOf(reserve())).toEqual({ status: 503, code: 'wallet_unavailable' });
    answer = () => undefined; // never answers
    expect(await problemOf(new RemoteRateSheets(options()).exists('s'))).toEqual({ status: 503, code: 'rating_unavailable' });
    const closed = { ...options(), ratingUrl: 'http://127.0.0.1:1' };
    expect(await problemOf(new RemoteRateSheets(closed).exists('s'))).toEqual({ status: 503, code: 'rating_unavailable' });
  });
});
