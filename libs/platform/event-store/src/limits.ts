// Every batch the stores accept or return is bounded (TIGER_STYLE): these are the bounds.

/** Events in one append (all streams together). */
export const MAX_EVENTS_PER_APPEND = 10_000;
/**
 * Streams in one appendMulti. 500: a wallet batch of charges touches one stream per customer, and
 * the set-based path of the append function makes a wider append cheaper per stream (measured:
 * 10 700 → 13 700 batched charges/s going from 90 to 490 accounts per transaction).
 */
export const MAX_STREAMS_PER_APPEND = 500;
/** `limit` of one readAll and `batchSize` of a subscription. */
export const MAX_READ_ALL_LIMIT = 10_000;
/** Events one readStream returns; a longer read must page (or load from a snapshot). */
export const MAX_READ_STREAM_COUNT = 100_000;
/** Characters of a stream id (it is a key in indexes and topics). */
export const MAX_STREAM_ID_LENGTH = 500;
/** Characters of an event type. */
export const MAX_EVENT_TYPE_LENGTH = 200;

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_POLL_INTERVAL_MS = 1000;
export const DEFAULT_RETRY_DELAY_MS = 100;
export const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;
