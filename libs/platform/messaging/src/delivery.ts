// Delivering one integration event to a handler: the part both transports share. Dedupe by inbox,
// bounded retries with backoff, and a verdict the transport acts on (commit, or dead-letter then
// commit). Infrastructure failures are retried without using up the message's attempts.
import type { IntegrationEvent } from '@billing/contracts';
import { AbortedError, backoffDelayMs, pause, type BackoffPolicy } from './backoff.js';
import type { IntegrationHandler } from './bus.js';
import { errorMessage, type LogFields, type MessagingLogger } from './logger.js';
import type { InboxReader } from './ports.js';
import type { TransientClassifier } from './transient.js';

export interface DeliveryPolicy {
  /** handler failures before the message is dead-lettered (≥ 1). */
  maxAttempts: number;
  /** infrastructure failures tolerated per delivery before giving the batch back to the transport. */
  maxTransientRetries: number;
  backoff: BackoffPolicy;
  isTransient: TransientClassifier;
}

export type DeliveryOutcome =
  | { kind: 'duplicate' }
  | { kind: 'handled'; attempts: number }
  | { kind: 'failed'; attempts: number; error: unknown };

export interface DeliveryRequest {
  event: IntegrationEvent;
  group: string;
  handler: IntegrationHandler;
  inbox: InboxReader;
  policy: DeliveryPolicy;
  signal: AbortSignal;
  logger: MessagingLogger;
  /** where the message came from, for logs. */
  origin: LogFields;
  /** the first try goes straight to the handler (ConsumeOptions.inboxInHandler). */
  skipFirstInboxCheck?: boolean;
  /** called while waiting between attempts (Kafka heartbeat). */
  tick?: () => Promise<void>;
  tickEveryMs?: number;
}

/** Thrown when infrastructure failures outlast maxTransientRetries: the transport retries later. */
export class DeliveryInterruptedError extends Error {
  constructor(cause: unknown) {
    super(`delivery interrupted by an infrastructure failure: ${errorMessage(cause)}`, { cause });
    this.name = 'DeliveryInterruptedError';
  }
}

export async function deliver(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const { event, group, policy, logger } = request;
  assertPolicy(policy);
  const entry = { consumer: group, messageId: event.eventId };
  let attempt = 0;
  let transientRetries = 0;
  let lastError: unknown;
  // Bounded: each pass uses up either an attempt or a transient retry, both capped.
  while (attempt < policy.maxAttempts) {
    if (request.signal.aborted) throw new AbortedError();
    const failure = await tryOnce(request, entry, attempt + 1);
    if (failure === 'duplicate') return { kind: 'duplicate' };
    if (failure === undefined) return { kind: 'handled', attempts: attempt + 1 };
    lastError = failure.error;
    if (failure.transient) {
      transientRetries += 1;
      if (transientRetries > policy.maxTransientRetries) throw new DeliveryInterruptedError(failure.error);
    } else {
      attempt += 1;
    }
    const fields = { ...request.origin, eventId: event.eventId, type: event.type, attempt, transient: failure.transient };
    logger.warn(`handler of ${group} failed: ${errorMessage(failure.error)}`, fields);
    if (attempt >= policy.maxAttempts) break;
    const delayMs = backoffDelayMs(policy.backoff, Math.max(1, failure.transient ? transientRetries : attempt));
    await pause(delayMs, { signal: request.signal, tick: request.tick, tickEveryMs: request.tickEveryMs });
  }
  return { kind: 'failed', attempts: attempt, error: lastError };
}

type Failure = { error: unknown; transient: boolean };

async function tryOnce(
  request: DeliveryRequest,
  entry: { consumer: string; messageId: string },
  attempt: number,
): Promise<Failure | 'duplicate' | undefined> {
  try {
    // Checked before every try: a failed try may still have committed its effect. A handler that
    // records the inbox itself recognises a repeat on its own, so its first try may skip this.
    if (!(attempt === 1 && request.skipFirstInboxCheck === true) && (await request.inbox.hasInbox(entry))) return 'duplicate';
  } catch (error) {
    // The inbox lookup failing is never the message's fault.
    return { error, transient: true };
  }
  try {
    await request.handler(request.event, { ...entry, attempt });
    return undefined;
  } catch (error) {
    if (error instanceof AbortedError) throw error;
    return { error, transient: request.policy.isTransient(error) };
  }
}

function assertPolicy(policy: DeliveryPolicy): void {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1 || policy.maxAttempts > 100) {
    throw new Error(`maxAttempts must be an integer in 1..100, got ${policy.maxAttempts}`);
  }
  if (!Number.isInteger(policy.maxTransientRetries) || policy.maxTransientRetries < 0) {
    throw new Error(`maxTransientRetries must be a non-negative integer, got ${policy.maxTransientRetries}`);
  }
}
