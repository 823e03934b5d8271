// One abstraction over the two transports (docs/ARCHITECTURE.md, Shape): services publish and consume through an
// IntegrationBus and never learn whether Kafka (distributed) or the in-process transport
// (standalone) carries their events. Both give at-least-once delivery, checkpoints and inbox dedupe.
import type { InboxEntry, RecordedEvent } from '@billing/event-store';
import type { IntegrationEvent, IntegrationEventMapper } from '@billing/contracts';
import type { BackoffPolicy } from './backoff.js';
import type { CheckpointStore, ConsumerStore, SourceStore } from './ports.js';

export interface RelayOptions {
  /** producing service; its events go to `topicFor(service)`. */
  service: string;
  /** the producing service's event store: the outbox. */
  store: SourceStore;
  /** the producing service's checkpoint store (relay position). */
  checkpoints: CheckpointStore;
  /** may be typed on RecordedEvent or on the contracts' structural SourceEvent. */
  mapper: IntegrationEventMapper<RecordedEvent>;
  /** checkpoint name; default `relay:<topic>`. */
  checkpointName?: string;
  /** events read per batch (bounded, default 200). */
  batchSize?: number;
  /** store polling fallback when no notification arrives (default 1000 ms). */
  pollIntervalMs?: number;
}

/** Handed to every handler; it is the inbox entry the effect must record (consumer = group). */
export interface ConsumeContext extends InboxEntry {
  /** 1 for the first try of this delivery. */
  readonly attempt: number;
}

export type IntegrationHandler = (event: IntegrationEvent, context: ConsumeContext) => Promise<void>;

export interface ConsumeOptions {
  /** consumer group = consuming service name; also the inbox consumer name. One consume() per group. */
  group: string;
  /** topics to consume, `topicFor(producer)`. */
  topics: readonly string[];
  /** must perform its effect atomically with the inbox entry (runOnce, or append with `inbox`). */
  handler: IntegrationHandler;
  /** the consuming service's store: inbox lookups (both transports), dead letters (in-process). */
  store: ConsumerStore;
  /** the consuming service's checkpoint store (in-process positions; unused with Kafka offsets). */
  checkpoints: CheckpointStore;
  /** tries per message before it is dead-lettered (default 5). */
  maxAttempts?: number;
  /**
   * Messages of one partition (or in-process batch) handled at once, one aggregate's in order
   * (default 1: strictly in order). Only for handlers with no order between aggregates: a wallet
   * charge of one call does not depend on another call's.
   */
  maxInFlight?: number;
  /**
   * The handler records the inbox entry in its effect's transaction and treats a repeat as done,
   * so a first try skips the inbox lookup (one round trip per message); retries still look.
   */
  inboxInHandler?: boolean;
  backoff?: BackoffPolicy;
}

export interface RelayStatus {
  readonly topic: string;
  /** integration events acknowledged by the transport since start. */
  readonly published: number;
  readonly lastError: string | undefined;
}

export interface RelayHandle {
  status(): RelayStatus;
  stop(): Promise<void>;
}

export interface ConsumerStatus {
  readonly group: string;
  /** messages whose handler succeeded, skipped as duplicates, or dead-lettered since start. */
  readonly handled: number;
  readonly duplicates: number;
  readonly deadLettered: number;
  readonly lastError: string | undefined;
}

export interface ConsumerHandle {
  status(): ConsumerStatus;
  stop(): Promise<void>;
}

export interface BusHealth {
  transport: 'kafka' | 'in-process';
  ok: boolean;
  detail?: string;
}

export interface IntegrationBus {
  readonly transport: 'kafka' | 'in-process';
  /** publish a service's integration events from its event store (the outbox). */
  startRelay(options: RelayOptions): Promise<RelayHandle>;
  /** deliver integration events of `topics` to `handler`, once per (group, event id). */
  consume(options: ConsumeOptions): Promise<ConsumerHandle>;
  health(): Promise<BusHealth>;
  /** stops every relay and consumer this bus started. */
  close(): Promise<void>;
}
