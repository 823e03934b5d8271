// One Server-Sent Events stream on a raw Node response. Frames go straight to the socket while it
// keeps up; once `write` reports a full buffer they wait in a bounded queue until `drain`, and a
// client that lets the queue overflow is dropped (its EventSource reconnects with Last-Event-ID
// and catches up from the replay buffer, or is told to resync).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sseComment, sseMessage } from './live-codec.js';
import { customerViewOf, type LiveItem } from './live-item.js';

/** What a stream may see: every agent's events (admin), one agent's (and its customers'), or one customer's own. */
export interface LiveScope {
  /** undefined = everything (admin without a filter). */
  agentId?: string;
  /** a customer's stream: only items about this customer's own account (agentId is then unset). */
  customerId?: string;
}

export type CloseReason = 'client' | 'slow-client' | 'shutdown';

export class SseConnection {
  private readonly queue: string[] = [];
  private waitingForDrain = false;
  private closed = false;
  private lastWriteAtMs: number;

  constructor(
    private readonly request: IncomingMessage,
    private readonly response: ServerResponse,
    readonly scope: LiveScope,
    private readonly maxQueuedMessages: number,
    private readonly onClosed: (connection: SseConnection, reason: CloseReason) => void,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.lastWriteAtMs = nowMs();
    response.on('close', () => this.finish('client'));
    response.on('error', () => this.finish('client'));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get queuedMessages(): number {
    return this.queue.length;
  }

  /** Status line, headers and the reconnect hint; the body stays open. */
  start(retryMs: number): void {
    const socket = this.request.socket;
    socket.setTimeout(0);
    socket.setNoDelay(true);
    socket.setKeepAlive(true);
    this.response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream
      'X-Accel-Buffering': 'no',
    });
    this.write(`retry: ${retryMs}\n${sseComment('connected')}`);
  }

  visible(item: Pick<LiveItem, 'agentId' | 'customerId'>): boolean {
    if (this.scope.customerId !== undefined) return item.customerId === this.scope.customerId;
    return this.scope.agentId === undefined || this.scope.agentId === item.agentId;
  }

  /** The frame of an item this stream sees (a customer's without the agent's figures). */
  frameOf(item: LiveItem, sharedFrame: string): string {
    return this.scope.customerId === undefined ? sharedFrame : sseMessage(customerViewOf(item));
  }

  send(frame: string): void {
    if (this.closed) return;
    if (this.waitingForDrain) {
      if (this.queue.length >= this.maxQueuedMessages) {
        this.drop();
        return;
      }
      this.queue.push(frame);
      return;
    }
    this.write(frame);
  }

  /** A comment line if nothing was written for `intervalMs` (keeps proxies and the client's timeout happy). */
  heartbeat(intervalMs: number): void {
    if (this.closed || this.waitingForDrain) return;
    if (this.nowMs() - this.lastWriteAtMs >= intervalMs) this.write(sseComment('heartbeat'));
  }

  /** Ends the stream cleanly (shutdown). */
  end(): void {
    if (this.closed) return;
    this.finish('shutdown');
    this.response.end();
  }

  private drop(): void {
    if (this.closed) return;
    this.finish('slow-client');
    this.queue.length = 0;
    // its socket is full: ending politely would queue behind the backlog
    this.response.destroy();
  }

  private write(frame: string): void {
    this.lastWriteAtMs = this.nowMs();
    if (!this.response.write(frame)) {
      this.waitingForDrain = true;
      this.response.once('drain', () => this.flush());
    }
  }

  private flush(): void {
    this.waitingForDrain = false;
    while (!this.closed && !this.waitingForDrain && this.queue.length > 0) this.write(this.queue.shift()!);
  }

  private finish(reason: CloseReason): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosed(this, reason);
  }
}
