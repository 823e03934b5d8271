import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { sseMessage } from './live-codec.js';
import type { LiveItem } from './live-item.js';
import { SseConnection, type CloseReason, type LiveScope } from './sse-connection.js';

/** A response whose socket buffer is "full" while `full` is set: write() then returns false, as Node's does. */
class FakeResponse extends EventEmitter {
  full = false;
  written: string[] = [];
  status: number | undefined;
  headers: Record<string, string> = {};
  ended = false;
  destroyed = false;
  writeHead(status: number, headers: Record<string, string>) {
    this.status = status;
    this.headers = headers;
    return this;
  }
  write(chunk: string): boolean {
    this.written.push(chunk);
    return !this.full;
  }
  end() {
    this.ended = true;
    this.emit('close');
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
  drain() {
    this.full = false;
    this.emit('drain');
  }
}

const request = { socket: { setTimeout: () => undefined, setNoDelay: () => undefined, setKeepAlive: () => undefined } } as unknown as IncomingMessage;

function open(maxQueued = 3, now = () => 0, scope: LiveScope = { agentId: 'agent-a' }) {
  const response = new FakeResponse();
  const closed: CloseReason[] = [];
  const connection = new SseConnection(request, response as unknown as ServerResponse, scope, maxQueued, (_c, reason) => closed.push(reason), now);
  connection.start(3_000);
  return { response, connection, closed };
}

describe('SSE connection', () => {
  it('answers 200 text/event-stream with the reconnect hint and a first comment', () => {
    const { response } = open();
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });
    expect(response.written).toEqual(['retry: 3000\n: connected\n\n']);
  });

  it('admits its agent only', () => {
    const { connection } = open();
    expect(connection.visible({ agentId: 'agent-a', customerId: null })).toBe(true);
    expect(connection.visible({ agentId: 'agent-b', customerId: null })).toBe(false);
    expect(connection.visible({ agentId: null, customerId: null })).toBe(false);
  });

  it("admits a customer's own account's items only, without the agent's figures", () => {
    const { connection } = open(3, () => 0, { customerId: 'cust-1' });
    expect(connection.visible({ agentId: 'agent-a', customerId: 'cust-1' })).toBe(true);
    expect(connection.visible({ agentId: 'agent-a', customerId: 'cust-2' })).toBe(false);
    // the agent's own items (its balance, its commission) name no customer account
    expect(connection.visible({ agentId: 'agent-a', customerId: null })).toBe(false);
    const transfer: LiveItem = { id: 'e1', event: 'transfer', agentId: 'agent-a', customerId: 'cust-1', data: { customerId: 'cust-1', amount: '30', agentBalance: '70' } };
    const frame = connection.frameOf(transfer, sseMessage(transfer));
    expect(frame).toBe('id: e1\nevent: transfer\ndata: {"customerId":"cust-1","amount":"30"}\n\n');
    const agentStream = open().connection;
    expect(agentStream.frameOf(transfer, sseMessage(transfer))).toContain('"agentBalance":"70"');
  });

  it('queues while the socket is full and flushes in order on drain', () => {
    const { response, connection } = open();
    response.full = true;
    connection.send('1'); // accepted by Node, but the buffer is now full
    connection.send('2');
    connection.send('3');
    expect(connection.queuedMessages).toBe(2);
    response.drain();
    expect(response.written.slice(1)).toEqual(['1', '2', '3']);
    expect(connection.queuedMessages).toBe(0);
  });

  it('drops a client that falls more than the bound behind', () => {
    const { response, connection, closed } = open(3);
    response.full = true;
    for (const frame of ['1', '2', '3', '4']) connection.send(frame);
    expect(closed).toEqual([]);
    connection.send('5'); // a fourth queued message: over the bound of 3
    expect(closed).toEqual(['slow-client']);
    expect(response.destroyed).toBe(true);
    expect(connection.isClosed).toBe(true);
    connection.send('6');
    expect(response.written).toHaveLength(2);
  });

  it('sends a heartbeat comment only after the interval without writes, never while blocked', () => {
    let nowMs = 0;
    const { response, connection } = open(3, () => nowMs);
    nowMs = 14_999;
    connection.heartbeat(15_000);
    expect(response.written).toHaveLength(1);
    nowMs = 15_000;
    connection.heartbeat(15_000);
    expect(response.written[1]).toBe(': heartbeat\n\n');
    response.full = true;
    connection.send('x');
    nowMs = 60_000;
    connection.heartbeat(15_000);
    expect(response.written.at(-1)).toBe('x');
  });

  it('ends cleanly on shutdown and reports why it closed', () => {
    const { response, connection, closed } = open();
    connection.end();
    expect(response.ended).toBe(true);
    expect(closed).toEqual(['shutdown']);
    const other = open();
    other.response.emit('close');
    expect(other.closed).toEqual(['client']);
  });
});
