// A TCP front for the test SMTP server that drops every connection until opened: the SMTP server
// "down" (connection errors) and then "back", on one address.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpGate {
  url: string;
  /** connections dropped so far. */
  dropped: number;
  open(): void;
  close(): Promise<void>;
}

export async function startTcpGate(target: { host: string; port: number }): Promise<TcpGate> {
  let isOpen = false;
  const sockets = new Set<Socket>();
  const gate = { dropped: 0 } as TcpGate;
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (!isOpen) {
      gate.dropped += 1;
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  gate.url = `smtp://127.0.0.1:${port}`;
  gate.open = () => {
    isOpen = true;
  };
  gate.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return gate;
}
