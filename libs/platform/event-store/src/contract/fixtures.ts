// Shared pieces of the contract suite: the harness an adapter provides, unique stream ids, event
// builders and a bounded wait.
import { randomBytes, randomUUID } from 'node:crypto';
import { compareCheckpoints, type Checkpoint, type EventStore, type NewEvent, type RecordedEvent } from '../port.js';

export interface ContractCapabilities {
  /** appendMulti over several streams is one transaction (PostgreSQL); otherwise it must refuse. */
  atomicMultiStream: boolean;
  /** options.inbox is recorded in the append's transaction (PostgreSQL); otherwise it must refuse. */
  inbox: boolean;
}

export interface ContractHarness {
  store: EventStore;
  /** a checkpoint after everything already stored: readAll/subscribe from it see only new events. */
  headCheckpoint(): Promise<Checkpoint>;
  /** closes the store and removes what the run created (the PostgreSQL schema). */
  teardown(): Promise<void>;
}

export type HarnessFactory = () => Promise<ContractHarness>;

/** Access to the harness created in beforeAll (tests are registered before it exists). */
export type HarnessRef = () => ContractHarness;

const RUN = randomBytes(4).toString('hex');
let sequence = 0;

/** A stream id no other test (of this or an earlier run against the same server) uses. */
export function streamId(label: string): string {
  sequence += 1;
  return `contract_${RUN}-${label}-${sequence}`;
}

export function event(type: string, data: unknown = {}, metadata?: NewEvent['metadata']): NewEvent {
  return { eventId: randomUUID(), type, data, ...(metadata === undefined ? {} : { metadata }) };
}

export function events(count: number, type = 'Counted'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => event(type, { index }));
}

export function idsOf(list: readonly (NewEvent | RecordedEvent)[]): string[] {
  return list.map((item) => item.eventId);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` every 5 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

/** Per-case timeout of the contract suite (explicit: a project-level Jest testTimeout may not apply). */
export const CASE_TIMEOUT_MS = 30_000;

/**
 * Reads the global log from `from` in pages of `limit`, keeping `keep` events, until `expected`
 * of them arrived. Gap safety makes readAll hold back events while any older write transaction
 * of the cluster (another test's) is still open, so "the end" is waited for, not assumed.
 */
export async function readAllUntil(
  store: EventStore,
  from: Checkpoint,
  limit: number,
  keep: (event: RecordedEvent) => boolean,
  expected: number,
  timeoutMs = 10_000,
): Promise<{ events: RecordedEvent[]; checkpoints: Checkpoint[]; last: Checkpoint }> {
  const kept: RecordedEvent[] = [];
  const checkpoints: Checkpoint[] = [];
  let cursor = from;
  const deadline = Date.now() + timeoutMs;
  while (kept.length < expected) {
    const result = await store.readAll(cursor, limit);
    for (const recorded of result.events) {
      checkpoints.push(recorded.checkpoint);
      if (keep(recorded)) kept.push(recorded);
    }
    // An adapter may move past records it filters out (EventStoreDB system records) with no events.
    const stalled = result.events.length === 0 && compareCheckpoints(result.checkpoint, cursor) === 0;
    cursor = result.checkpoint;
    if (stalled) {
      if (Date.now() > deadline) throw new Error(`readAll gave ${kept.length} of ${expected} events within ${timeoutMs} ms`);
      await sleep(10);
    }
  }
  return { events: kept, checkpoints, last: cursor };
}
