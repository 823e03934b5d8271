// A real HTTP server between a rating that calls the wallet over HTTP (RemoteWalletHolds) and the
// app that serves the wallet's internal routes: it counts the requests by path (what the adapter
// sends, at its boundary) and either forwards them or, `silent`, takes them and never answers — a
// wallet that cannot be reached in time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WalletDoor {
  readonly url: string;
  /** requests received per path since the last reset, e.g. `/api/v1/internal/wallet/holds/releases`. */
  readonly counts: Map<string, number>;
  /** forward: pass each request to `target()`; silent: keep it open, unanswered. */
  mode: 'forward' | 'silent';
  close(): Promise<void>;
}

export async function openWalletDoor(target: () => string): Promise<WalletDoor> {
  const counts = new Map<string, number>();
  const door = {
    url: '',
    counts,
    mode: 'forward' as 'forward' | 'silent',
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (door.mode === 'silent') return;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void forward(new URL(path, target()), request, Buffer.concat(chunks)).then(
        ({ status, headers, body }) => response.writeHead(status, headers).end(body),
        (error: unknown) => response.writeHead(502).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  door.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return door;
}

async function forward(url: URL, request: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'content-type', 'accept']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const answer = await fetch(url, { method: request.method ?? 'GET', headers, ...(body.length === 0 ? {} : { body }) });
  const passed: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (name === 'content-type' || name.startsWith('x-')) passed[name] = value;
  });
  return { status: answer.status, headers: passed, body: await answer.text() };
}
