// Group commit for decisions that arrive one request at a time (call authorizations): while one
// transaction is being written, the next decisions gather, and go in one CallStore.commit — one
// append of up to MAX_STREAMS_PER_APPEND calls and one durable commit instead of one per call.
// A batch that fails as a whole (a concurrent writer on one call: WrongExpectedVersionError) is
// written again one decision at a time, so only the decision that raced gets the error.
import { MAX_STREAMS_PER_APPEND, type EventMetadata } from '@billing/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { CallStore, type CallDecision, type CommittedCall } from './call-store.js';

interface Pending {
  readonly decision: CallDecision;
  readonly resolve: (committed: CommittedCall) => void;
  readonly reject: (error: unknown) => void;
}

/** Decisions waiting beyond this are refused (back pressure; the switch retries an authorization). */
export const MAX_PENDING_DECISIONS = 10_000;
/** Transactions at once; each takes a batch of distinct calls. */
const MAX_IN_FLIGHT = 2;

export class CommitterOverloadedError extends Error {
  readonly overloaded = true;

  constructor() {
    super(`more than ${MAX_PENDING_DECISIONS} call decisions are waiting to be written; try again shortly`);
    this.name = 'CommitterOverloadedError';
  }
}

@Injectable()
export class CallCommitter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  /** calls a batch in flight is writing: a second decision on one of them waits for it. */
  private readonly busy = new Set<string>();

  constructor(@Inject(CallStore) private readonly calls: CallStore) {}

  /** One decision, carrying its own metadata, written together with whatever else is waiting. */
  commit(decision: CallDecision, metadata: EventMetadata): Promise<CommittedCall> {
    if (this.queue.length >= MAX_PENDING_DECISIONS) return Promise.reject(new CommitterOverloadedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ decision: { ...decision, metadata }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.inFlight += 1;
      for (const pending of batch) this.busy.add(pending.decision.call.callId);
      void this.write(batch).finally(() => {
        for (const pending of batch) this.busy.delete(pending.decision.call.callId);
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** Up to MAX_STREAMS_PER_APPEND decisions on distinct calls none of which is being written. */
  private take(): Pending[] {
    const taken: Pending[] = [];
    const calls = new Set<string>();
    for (let index = 0; index < this.queue.length && taken.length < MAX_STREAMS_PER_APPEND; ) {
      const pending = this.queue[index]!;
      const callId = pending.decision.call.callId;
      if (this.busy.has(callId) || calls.has(callId)) {
        index += 1;
        continue;
      }
      calls.add(callId);
      taken.push(pending);
      this.queue.splice(index, 1);
    }
    return taken;
  }

  private async write(batch: readonly Pending[]): Promise<void> {
    try {
      const committed = await this.calls.commit(
        batch.map((pending) => pending.decision),
        batch[0]!.decision.metadata!,
      );
      // commit() answers the written decisions first, then the unchanged ones: match by call id
      const byCall = new Map(committed.map((call) => [call.callId, call]));
      for (const pending of batch) {
        const call = byCall.get(pending.decision.call.callId);
        if (call === undefined) pending.reject(new Error(`call ${pending.decision.call.callId} missing from its commit`));
        else pending.resolve(call);
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const pending of batch) await this.write([pending]);
    }
  }
}
