// The retry/dedupe policy on its own; the real inbox is exercised by the *.int.spec.ts files.
import type { IntegrationEvent } from '@billing/contracts';
import type { InboxEntry } from '@billing/event-store';
import { deliver, DeliveryInterruptedError, type DeliveryPolicy } from './delivery.js';
import { silentLogger } from './logger.js';
import { isTransientError } from './transient.js';

const event: IntegrationEvent = {
  eventId: '6f1c1c5e-2f7a-4c55-9d7b-0c8a4f7b1a01',
  type: 'wallet.FundsDeposited',
  schemaVersion: 1,
  aggregateId: 'acct-1',
  occurredAt: '2025-01-02T03:04:05.000Z',
  data: {},
};
const policy: DeliveryPolicy = {
  maxAttempts: 3,
  maxTransientRetries: 2,
  backoff: { initialDelayMs: 1, maxDelayMs: 2, multiplier: 2 },
  isTransient: isTransientError,
};

function inboxOf(seen: Set<string>) {
  return { hasInbox: async (entry: InboxEntry) => seen.has(`${entry.consumer}/${entry.messageId}`) };
}

function request(handler: (e: IntegrationEvent, ctx: { attempt: number }) => Promise<void>, seen = new Set<string>()) {
  return {
    event,
    group: 'billing',
    handler,
    inbox: inboxOf(seen),
    policy,
    signal: new AbortController().signal,
    logger: silentLogger,
    origin: {},
  };
}

describe('deliver', () => {
  it('skips a message whose inbox entry exists without calling the handler', async () => {
    let calls = 0;
    const outcome = await deliver(request(async () => void (calls += 1), new Set([`billing/${event.eventId}`])));
    expect(outcome).toEqual({ kind: 'duplicate' });
    expect(calls).toBe(0);
  });

  it('with skipFirstInboxCheck the first try goes to the handler, a retry still consults the inbox', async () => {
    const seen = new Set<string>();
    let lookups = 0;
    const calls: number[] = [];
    const outcome = await deliver({
      ...request(async (_e, ctx) => {
        calls.push(ctx.attempt);
        // the effect (and its inbox entry) committed, then the handler failed
        seen.add(`billing/${event.eventId}`);
        throw new Error('failed after its effect');
      }, seen),
      inbox: { hasInbox: async (entry: InboxEntry) => ((lookups += 1), seen.has(`${entry.consumer}/${entry.messageId}`)) },
      skipFirstInboxCheck: true,
    });
    expect(calls).toEqual([1]);
    expect(lookups).toBe(1);
    expect(outcome).toEqual({ kind: 'duplicate' });
  });

  it('retries a failing handler and reports the attempt it succeeded on', async () => {
    const attempts: number[] = [];
    const outcome = await deliver(
      request(async (_e, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error('not yet');
      }),
    );
    expect(outcome).toEqual({ kind: 'handled', attempts: 3 });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    const outcome = await deliver(
      request(async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      }),
    );
    expect(outcome).toMatchObject({ kind: 'failed', attempts: 3 });
    expect((outcome as { error: Error }).error.message).toBe('boom 3');
  });

  it('does not spend attempts on infrastructure failures, and hands them back when they persist', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    let calls = 0;
    await expect(
      deliver(
        request(async () => {
          calls += 1;
          throw refused;
        }),
      ),
    ).rejects.toBeInstanceOf(DeliveryInterruptedError);
    expect(calls).toBe(3); // 1 + maxTransientRetries, and no dead letter
  });

  it('stops on a second look when a failed try had committed its effect', async () => {
    const seen = new Set<string>();
    const outcome = await deliver(
      request(async () => {
        seen.add(`billing/${event.eventId}`);
        throw new Error('failed after commit');
      }, seen),
    );
    expect(outcome).toEqual({ kind: 'duplicate' });
  });
});
