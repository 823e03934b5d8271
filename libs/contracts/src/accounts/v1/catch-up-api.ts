// Accounts' changes usable at once (issue 13): after accounts commits a change to an existing
// customer or agent (a feature set, a trunk address, a SIP user suspended, the customer closed…)
// it asks every service whose decisions read that change to have applied it before the command is
// answered. The consumer checks its inbox for the events' ids and, for any it has not applied yet,
// catches up on that customer or agent from accounts' history (ConsumerCatchUp in
// @billing/messaging: the same events, same ids, through its own handler and inbox), so the 2xx
// means "decided with it" in one process and across processes alike. A consumer that has no use
// for an event type answers at once. One request per commit names every customer or agent stream
// it changed (a batch opening: up to 1000 customers), so the consumer checks its inbox once and
// fills the rest concurrently, instead of one request per customer. In one process a method call;
// between processes `POST /api/v1/internal/<service>/accounts-catch-up` with the internal service key.
import { z } from 'zod';
import type { AccountsHistoryKeyV1 } from './history-api.js';

/** Each consumer's route, under its own prefix. */
export const RATING_ACCOUNTS_CATCH_UP_API_PATH = '/api/v1/internal/rating/accounts-catch-up';
export const WALLET_ACCOUNTS_CATCH_UP_API_PATH = '/api/v1/internal/wallet/accounts-catch-up';

const name = z.string().min(1).max(200);

/** Streams one request names at most: a batch opening's customers (MAX_BATCH_CUSTOMERS). */
export const MAX_CATCH_UP_STREAMS = 1000;
/** Events one request names at most, over all its streams (a commit with more is asked in several requests). */
export const MAX_CATCH_UP_EVENTS = 10_000;
/** The longest `withinMs` a request may give: the gateway's 60 s towards a service. */
export const MAX_CATCH_UP_WITHIN_MS = 60_000;

const CatchUpStream = z.strictObject({
  /** the customer (by id) or agent whose stream the events belong to. */
  key: z.union([z.strictObject({ account: name }), z.strictObject({ agentId: name })]),
  /** the integration events the command published on that stream, by id and type, oldest first. */
  events: z.array(z.strictObject({ eventId: name, type: name })).min(1).max(MAX_CATCH_UP_EVENTS),
});

export const AccountsCatchUpRequestV1 = z.strictObject({
  /** the streams of one commit with published events. */
  streams: z
    .array(CatchUpStream)
    .min(1)
    .max(MAX_CATCH_UP_STREAMS)
    .refine((streams) => streams.reduce((total, stream) => total + stream.events.length, 0) <= MAX_CATCH_UP_EVENTS, { message: `at most ${MAX_CATCH_UP_EVENTS} events in all` }),
  /**
   * how long accounts still waits for the answer: the consumer takes no further stream to fill after
   * it (it answers `applied: false`, its delivery applies the rest), so a request of 1000 streams
   * stops working when accounts stops waiting. Absent: no deadline of its own.
   */
  withinMs: z.number().int().min(1).max(MAX_CATCH_UP_WITHIN_MS).optional(),
});
export type AccountsCatchUpRequestV1 = z.infer<typeof AccountsCatchUpRequestV1>;

/** `applied`: every event the consumer uses is applied (false: the source could not be reached, the consumer logs why). */
export const AccountsCatchUpResponseV1 = z.object({ applied: z.boolean() });
export type AccountsCatchUpResponseV1 = z.infer<typeof AccountsCatchUpResponseV1>;

/** The port accounts calls after a commit (in process: the consumer's catch-up; between processes: the route above). */
export interface AccountsCatchUpPort {
  /**
   * true: the consumer's reads need a new customer's or agent's opening too (the wallet: a balance
   * list reads only the accounts it has opened), so openings are awaited as well. Absent: the
   * consumer fills an unknown customer or agent on first use, and only changes are awaited.
   */
  readonly awaitsOpenings?: boolean;
  catchUp(request: {
    streams: readonly { key: Extract<AccountsHistoryKeyV1, { account: string } | { agentId: string }>; events: readonly { eventId: string; type: string }[] }[];
    /** see AccountsCatchUpRequestV1.withinMs: in process as over HTTP. */
    withinMs?: number;
  }): Promise<boolean>;
}
