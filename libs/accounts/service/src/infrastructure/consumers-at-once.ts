// Issue 13: a change to an existing customer or agent is decided with at once by the services that
// consume accounts.events.v1 — rating judges the next call by the new feature set, trunk address,
// SIP user or status. After the commit, and before the command is answered, accounts hands each
// such consumer the events it just published (AccountsCatchUpPort: the consumer applies what it has
// not applied yet by catching up on that customer's or agent's history). Bounded: a consumer that
// cannot be reached or is slow leaves the command answered after MAX_WAIT_MS (logged), as the
// wallet's projection watermark does; its own delivery applies the change later. An opening is
// awaited only by a consumer whose reads need it (`awaitsOpenings`: the wallet's balance lists read
// the accounts it has opened); rating fills a customer or agent it has never seen on first use.
import { agentStreamId, customerStreamId, toIntegrationEvent, type AccountsEvent } from '@billing/accounts-domain';
import type { AccountsCatchUpPort } from '@billing/contracts';
import type { ExpectedVersion } from '@billing/event-store';
import { Inject, Injectable, Logger } from '@nestjs/common';

export const ACCOUNTS_CATCH_UPS = Symbol('ACCOUNTS_CATCH_UPS');

/** How long a command's answer waits for its consumers at most. */
export const MAX_WAIT_MS = 2_000;

/** Catch-ups asked at the same time (a batch opening asks one per customer). */
const CONCURRENT_ASKS = 10;

/** One stream's committed events with the ids they were stored under. */
export interface CommittedStream {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly { readonly eventId: string; readonly event: AccountsEvent }[];
}

type CatchUpRequest = Parameters<AccountsCatchUpPort['catchUp']>[0];

@Injectable()
export class ConsumersAtOnce {
  private readonly logger = new Logger('AccountsConsumersAtOnce');

  constructor(@Inject(ACCOUNTS_CATCH_UPS) private readonly consumers: readonly AccountsCatchUpPort[]) {}

  /** Resolves once every consumer has applied the published events of `committed` (or MAX_WAIT_MS passed); never throws. */
  async applied(committed: readonly CommittedStream[]): Promise<void> {
    const asks = this.consumers.flatMap((consumer) => requestsFor(committed, consumer.awaitsOpenings === true).map((request) => ({ consumer, request })));
    if (asks.length === 0) return;
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), MAX_WAIT_MS)));
    // a few at a time, and none started after the bound: a batch of 1000 openings must not leave
    // a thousand catch-ups loading the database after its answer
    const queue = [...asks];
    let expired = false;
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined && !expired; next = queue.shift()) await this.ask(next.consumer, next.request);
    };
    const all = Promise.all(Array.from({ length: Math.min(CONCURRENT_ASKS, asks.length) }, worker));
    try {
      if ((await Promise.race([all, timeout])) === 'timeout') {
        expired = true;
        this.logger.warn(`answered without a consumer's catch-up after ${Date.now() - started} ms (${queue.length} of ${asks.length} not asked; first ${JSON.stringify(asks[0]!.request.key)})`);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private async ask(consumer: AccountsCatchUpPort, request: CatchUpRequest): Promise<void> {
    try {
      if (!(await consumer.catchUp(request))) this.logger.warn(`a consumer could not apply ${JSON.stringify(request.key)} at once (it will on delivery)`);
    } catch (error) {
      this.logger.warn(`a consumer's catch-up on ${JSON.stringify(request.key)} failed (it will apply on delivery): ${String(error)}`);
    }
  }
}

/** One request per customer's or agent's stream with published events (a new stream only with `openings`). */
function requestsFor(committed: readonly CommittedStream[], openings: boolean): CatchUpRequest[] {
  return committed.map((stream) => catchUpRequest(stream, openings)).filter((request): request is CatchUpRequest => request !== null);
}

/** The published events of a customer's or agent's stream; null when there are none to wait for. */
function catchUpRequest(stream: CommittedStream, openings: boolean): CatchUpRequest | null {
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

function keyOf(streamId: string): CatchUpRequest['key'] | null {
  if (streamId.startsWith(CUSTOMER_STREAM)) return { account: streamId.slice(CUSTOMER_STREAM.length) };
  if (streamId.startsWith(AGENT_STREAM)) return { agentId: streamId.slice(AGENT_STREAM.length) };
  return null;
}
