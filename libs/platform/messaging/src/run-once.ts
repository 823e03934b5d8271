// The consumer-side half of exactly-once: the inbox row and the effect commit together or not at
// all, so a redelivered message finds its row and changes nothing (docs/ARCHITECTURE.md, Messaging).
import type { InboxEntry } from '@billing/event-store';
import type { TransactionalInbox } from './ports.js';

export type RunOnceResult<T> = { applied: true; value: T } | { applied: false };

/**
 * Runs `fn` in a transaction that first records `entry` in the inbox. When the entry already exists
 * (an earlier delivery committed) `fn` is not called. A concurrent duplicate blocks on the inbox row
 * until the first transaction ends, then sees it. If `fn` throws, the inbox row is rolled back too,
 * so the message is retried.
 */
export async function runOnce<Tx, T>(
  store: TransactionalInbox<Tx>,
  entry: InboxEntry,
  fn: (tx: Tx) => Promise<T>,
): Promise<RunOnceResult<T>> {
  assertEntry(entry);
  return store.withTransaction(async (tx): Promise<RunOnceResult<T>> => {
    // Only the two key fields: a handler context carries more, and none of it belongs in the inbox.
    const first = await store.markInbox({ consumer: entry.consumer, messageId: entry.messageId }, tx);
    if (!first) return { applied: false };
    return { applied: true, value: await fn(tx) };
  });
}

export function assertEntry(entry: InboxEntry): void {
  if (entry.consumer === '' || entry.messageId === '') {
    throw new Error(`inbox entry needs a consumer and a message id, got ${JSON.stringify(entry)}`);
  }
}
