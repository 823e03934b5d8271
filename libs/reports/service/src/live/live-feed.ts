// The live feed of one instance. Every instance LISTENs on the reports channel, so it sees every
// committed projection change whichever instance (Kafka partition) consumed it, in commit order;
// it keeps the newest `replayBufferSize` items for Last-Event-ID resumes and fans each item out to
// the open streams whose scope admits it. One timer per feed sends heartbeats and notices that the
// HTTP server stopped listening (graceful shutdown drains HTTP before Nest closes) to end streams.
import { serviceUnavailable } from '@billing/gateway';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type pg from 'pg';
import { ReportsDatabase } from '../infrastructure/reports-database.js';
import { REPORTS_OPTIONS, type ResolvedReportsOptions } from '../reports.options.js';
import { decodeLiveItem, sseControl, sseMessage } from './live-codec.js';
import type { LiveItem } from './live-item.js';
import { ReplayBuffer } from './replay-buffer.js';
import { SseConnection, type CloseReason, type LiveScope } from './sse-connection.js';

const RESTART_DELAY_MS = 100;
const MAX_RESTART_DELAY_MS = 10_000;
const TICK_MS = 1_000;

export interface LiveFeedStatus {
  listening: boolean;
  connections: number;
  buffered: number;
  delivered: number;
  droppedSlowClients: number;
  lastError: string | undefined;
}

@Injectable()
export class LiveFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReportsLiveFeed');
  private readonly connections = new Set<SseConnection>();
  private readonly buffer: ReplayBuffer<LiveItem>;
  private listener: pg.PoolClient | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private tick: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopping = false;
  private delivered = 0;
  private droppedSlowClients = 0;
  private lastError: string | undefined;

  constructor(
    @Inject(REPORTS_OPTIONS) private readonly options: ResolvedReportsOptions,
    @Inject(ReportsDatabase) private readonly db: ReportsDatabase,
    @Optional() @Inject(HttpAdapterHost) private readonly adapterHost?: HttpAdapterHost,
  ) {
    this.buffer = new ReplayBuffer<LiveItem>(options.live.replayBufferSize);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen().catch((error: unknown) => this.listenFailed(error));
    this.tick = setInterval(() => this.onTick(), Math.min(TICK_MS, this.options.live.heartbeatMs));
    this.tick.unref();
  }

  /** Ends every stream, then stops listening (before the pool and the store close). */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.tick !== undefined) clearInterval(this.tick);
    if (this.restartTimer !== undefined) clearTimeout(this.restartTimer);
    this.closeAll();
    this.releaseListener();
  }

  status(): LiveFeedStatus {
    return {
      listening: this.listener !== undefined,
      connections: this.connections.size,
      buffered: this.buffer.size,
      delivered: this.delivered,
      droppedSlowClients: this.droppedSlowClients,
      lastError: this.lastError,
    };
  }

  /**
   * Opens a stream: headers, then what the client missed after `lastEventId` (from the replay
   * buffer, or a `resync` event when that id is no longer held), then live items. The replay and
   * the subscription happen in one synchronous step, so nothing falls between them.
   */
  open(request: IncomingMessage, response: ServerResponse, scope: LiveScope, lastEventId: string | undefined): void {
    if (this.stopping) throw serviceUnavailable('shutting_down', 'The service is shutting down; reconnect to another instance.');
    if (this.connections.size >= this.options.live.maxConnections) {
      throw serviceUnavailable('too_many_streams', `This instance already serves ${this.options.live.maxConnections} live streams; retry later.`);
    }
    const connection = new SseConnection(request, response, scope, this.options.live.maxQueuedMessages, (closed, reason) => this.closed(closed, reason));
    connection.start(this.options.live.retryMs);
    if (lastEventId !== undefined) {
      const missed = this.buffer.after(lastEventId);
      if (missed === undefined) {
        connection.send(sseControl('resync', { reason: 'last-event-id-not-held', lastEventId, detail: 'Events may have been missed: reload the summary.' }));
      } else {
        for (const item of missed) if (connection.visible(item)) connection.send(connection.frameOf(item, sseMessage(item)));
      }
    }
    if (!connection.isClosed) this.connections.add(connection);
  }

  private publish(item: LiveItem): void {
    this.buffer.push(item);
    const frame = sseMessage(item);
    for (const connection of this.connections) {
      if (!connection.visible(item)) continue;
      connection.send(connection.frameOf(item, frame));
      this.delivered += 1;
    }
  }

  private closed(connection: SseConnection, reason: CloseReason): void {
    this.connections.delete(connection);
    if (reason === 'slow-client') {
      this.droppedSlowClients += 1;
      this.logger.warn(`dropped a live stream that fell ${this.options.live.maxQueuedMessages} messages behind`);
    }
  }

  private closeAll(): void {
    for (const connection of [...this.connections]) connection.end();
  }

  private onTick(): void {
    if (this.connections.size === 0) return;
    // A stream exists, so the server was listening: not listening any more = it is closing.
    const server = this.adapterHost?.httpAdapter?.getHttpServer() as Server | undefined;
    if (server !== undefined && !server.listening) {
      this.closeAll();
      return;
    }
    for (const connection of this.connections) connection.heartbeat(this.options.live.heartbeatMs);
  }

  private async listen(): Promise<void> {
    const client = await this.db.pool.connect();
    let done = false;
    const fail = (error: Error) => {
      // only the current listener may report; a released one ends with errors we asked for
      if (done || this.listener !== client) return;
      done = true;
      this.listenFailed(error);
    };
    client.on('notification', (message) => {
      if (message.channel !== this.db.liveChannel || message.payload === undefined) return;
      try {
        this.publish(decodeLiveItem(message.payload));
      } catch (error) {
        this.logger.error(`unreadable live item: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    client.on('error', fail);
    client.on('end', () => fail(new Error('LISTEN connection ended')));
    this.listener = client;
    try {
      await client.query(`LISTEN "${this.db.liveChannel}"`);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.stopping) {
      this.releaseListener();
      return;
    }
    if (this.failures > 0) {
      // items committed while nobody listened are lost to this feed: tell the clients
      this.buffer.clear();
      for (const connection of this.connections) connection.send(sseControl('resync', { reason: 'feed-restarted', detail: 'Events may have been missed: reload the summary.' }));
    }
    this.failures = 0;
    this.lastError = undefined;
  }

  private listenFailed(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    this.releaseListener();
    if (this.stopping) return;
    const delayMs = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** Math.min(this.failures, 20));
    this.failures += 1;
    this.logger.warn(`live feed not listening (${this.lastError}); retrying in ${delayMs} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.listen().catch((next: unknown) => this.listenFailed(next));
    }, delayMs);
    this.restartTimer.unref();
  }

  private releaseListener(): void {
    const client = this.listener;
    this.listener = undefined;
    if (client === undefined) return;
    client.removeAllListeners('notification');
    client.on('error', () => undefined); // the teardown of a connection we no longer use
    // destroyed, not returned: no LISTEN may leak into the pool
    client.release(true);
  }
}
