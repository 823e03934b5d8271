// Issue 13: a change to an existing customer or agent is decided with at once by the services that
// consume accounts.events.v1 — rating judges the next call by the new feature set, trunk address,
// SIP user or status. After the commit, and before the command is answered, accounts hands each
// such consumer the events it just published (AccountsCatchUpPort: the consumer applies what it has
// not applied yet by catching up on that customer's or agent's history). One request per consumer
// for the whole commit — a batch opening's 1000 customers included — so the consumer checks its
// inbox once and fills the customers it lacks concurrently (a request per customer, 10 at a time,
// ran out of the bound after a few dozen). Bounded: a consumer that cannot be reached or is slow
// leaves the command answered after the commit's bound (logged), as the wallet's projection
// watermark does; its own delivery applies the change later. An opening is awaited only by a
// consumer whose reads need it (`awaitsOpenings`: the wallet's balance lists read the accounts it
// has opened); rating fills a customer or agent it has never seen on first use.
import { agentStreamId, customerStreamId, toIntegrationEvent, type AccountsEvent } from '@billing/accounts-domain';
import { MAX_CATCH_UP_EVENTS, MAX_CATCH_UP_STREAMS, type AccountsCatchUpPort } from '@billing/contracts';
import type { ExpectedVersion } from '@billing/event-store';
import { Inject, Injectable, Logger } from '@nestjs/common';

export const ACCOUNTS_CATCH_UPS = Symbol('ACCOUNTS_CATCH_UPS');

/** How long a command's answer waits for its consumers at most (a commit of one stream). */
export const MAX_WAIT_MS = 2_000;

/**
 * What each further stream of a commit adds to its bound: a consumer fills the customers it lacks a
 * few dozen at a time, so a batch of 1000 openings needs longer than one change — the wallet over
 * HTTP took 5.7 s for 1000 on this 2-core machine at load 7, 14 s at load 17, and in a CI run had only
 * 755 of 1000 after 22 s (2 + 20 ms each): at most 2 + 45 s, under the gateway's 60 s towards a service.
 */
const WAIT_PER_STREAM_MS = 45;

/** The bound of a commit (or one catch-up request) naming `streams` streams. */
export function waitBoundMs(streams: number): number {
  return MAX_WAIT_MS + Math.max(0, streams - 1) * WAIT_PER_STREAM_MS;
}

/** One stream's committed events with the ids they were stored under. */
export interface CommittedStream {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly { readonly eventId: string; readonly event: AccountsEvent }[];
}

type CatchUpRequest = Parameters<AccountsCatchUpPort['catchUp']>[0];
type CatchUpStream = CatchUpRequest['streams'][number];

@Injectable()
export class ConsumersAtOnce {
  private readonly logger = new Logger('AccountsConsumersAtOnce');

  constructor(@Inject(ACCOUNTS_CATCH_UPS) private readonly consumers: readonly AccountsCatchUpPort[]) {}

  /** Resolves once every consumer has applied the published events of `committed` (or the commit's bound passed); never throws. */
  async applied(committed: readonly CommittedStream[]): Promise<void> {
    const asks = this.consumers.map((consumer) => ({ consumer, requests: requestsFor(committed, consumer.awaitsOpenings === true) })).filter((ask) => ask.requests.length > 0);
    if (asks.length === 0) return;
    const started = Date.now();
    const boundMs = waitBoundMs(Math.max(...asks.map((ask) => ask.requests.reduce((streams, request) => streams + request.streams.length, 0))));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), boundMs)));
    let expired = false;
    // consumers side by side, each one's requests one after the other (and none started after the bound)
    const all = Promise.all(
      asks.map(async ({ consumer, requests }) => {
        for (const request of requests) {
          // the consumer stops taking streams to fill when this answer stops waiting for it
          const withinMs = boundMs - (Date.now() - started);
          if (expired || withinMs < 1) return;
          await this.ask(consumer, { ...request, withinMs });
        }
      }),
    );
    try {
      if ((await Promise.race([all, timeout])) === 'timeout') {
        expired = true;
        this.logger.warn(`answered without a consumer's catch-up after ${Date.now() - started} ms (${describe(asks[0]!.requests[0]!)})`);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private async ask(consumer: AccountsCatchUpPort, request: CatchUpRequest): Promise<void> {
    try {
      if (!(await consumer.catchUp(request))) this.logger.warn(`a consumer could not apply ${describe(request)} at once (it will on delivery)`);
    } catch (error) {
      this.logger.warn(`a consumer's catch-up on ${describe(request)} failed (it will apply on delivery): ${String(error)}`);
    }
  }
}

function describe(request: CatchUpRequest): string {
  const first = JSON.stringify(request.streams[0]!.key);
  return request.streams.length === 1 ? first : `${request.streams.length} streams from ${first}`;
}

/**
 * The streams with published events (a new stream only with `openings`), in as few requests as the
 * contract's bounds allow: one, unless a commit names more than MAX_CATCH_UP_STREAMS streams or
 * MAX_CATCH_UP_EVENTS events.
 */
export function requestsFor(committed: readonly CommittedStream[], openings: boolean): CatchUpRequest[] {
  const requests: CatchUpStream[][] = [];
  let current: CatchUpStream[] = [];
  let events = 0;
  for (const stream of committed.map((each) => catchUpStream(each, openings)).filter((each): each is CatchUpStream => each !== null)) {
    // never an empty request: a first stream with more events than the bound goes alone
    if (current.length === MAX_CATCH_UP_STREAMS || (current.length > 0 && events + stream.events.length > MAX_CATCH_UP_EVENTS)) {
      requests.push(current);
      current = [];
      events = 0;
    }
    current.push(stream);
    events += stream.events.length;
  }
  if (current.length > 0) requests.push(current);
  return requests.map((streams) => ({ streams }));
}

/** The published events of a customer's or agent's stream; null when there are none to wait for. */
function catchUpStream(stream: CommittedStream, openings: boolean): CatchUpStream | null {
  if (stream.expectedVersion === 'no_stream' && !openings) return null;
  const key = keyOf(stream.streamId);
  if (key === null) return null;
  const events = stream.events.flatMap(({ eventId, event }) => {
    const published = toIntegrationEvent(event);
    return published === null ? [] : [{ eventId, type: published.type }];
  });
  return events.length === 0 ? null : { key, events };
}

const CUSTOMER_STREAM = customerStreamId('');
const AGENT_STREAM = agentStreamId('');

function keyOf(streamId: string): CatchUpStream['key'] | null {
  if (streamId.startsWith(CUSTOMER_STREAM)) return { account: streamId.slice(CUSTOMER_STREAM.length) };
  if (streamId.startsWith(AGENT_STREAM)) return { agentId: streamId.slice(AGENT_STREAM.length) };
  return null;
}
