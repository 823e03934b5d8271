// CDR intake (issue 5 §4): every CDR, whatever its format, becomes RecordCdr{cdr, pricing} on its
// call's stream. One call, one outcome: a repeat with the same fingerprint records nothing and is
// answered with the recorded outcome; another fingerprint is a conflict (409), never a second
// charge. A batch is priced with one directory query and recorded in one transaction; if another
// writer raced on any of its calls, its calls are recorded again one by one.
// The answer is true at once (issue 12 §5): before it goes out, the wallet charges the rated calls
// this request recorded and releases the holds of the others — the calls the integration events
// would settle a moment later, with the same idempotent commands, so they then move nothing.
import { RejectedCommand } from '@billing/decider';
import { WrongExpectedVersionError } from '@billing/event-store';
import { decideCall, type CallPricing, type CallState, type CanonicalCdr, type UnratedReason } from '@billing/rating-domain';
import { recordCommittedEvents } from '@billing/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { metadataOf, type CommandContext } from '../application/command-context.js';
import { RatingClock } from '../infrastructure/clock.js';
import { CallStore, cdrCommandId, type CallDecision, type LoadedCall } from './call-store.js';
import { CallSettlements, type SettlementCollector } from './call-settlements.js';
import { CallPricer } from './pricing.js';

export type CdrOutcome =
  | {
      readonly callId: string;
      readonly status: 'rated' | 'unrated' | 'unanswered';
      /** true: this CDR was already recorded; the answer is the recorded outcome. */
      readonly duplicate: boolean;
      readonly costMicros: bigint;
      readonly reason: UnratedReason | null;
    }
  | { readonly callId: string; readonly status: 'rejected'; readonly code: string; readonly message: string; readonly httpStatus: number };

const MAX_ATTEMPTS = 5;

@Injectable()
export class CdrIntake {
  constructor(
    @Inject(CallStore) private readonly calls: CallStore,
    @Inject(CallPricer) private readonly pricer: CallPricer,
    @Inject(RatingClock) private readonly clock: RatingClock,
    @Inject(CallSettlements) private readonly settlements: CallSettlements,
  ) {}

  /** Records CDRs (one answer per CDR, in order). */
  async record(context: CommandContext, received: readonly CanonicalCdr[]): Promise<CdrOutcome[]> {
    // the answer's settlement budget starts with the request, pricing included
    const settle = this.settlements.collector();
    if (received.length === 0) return [];
    const priced = await this.pricer.priceMany(received);
    // a trunk call is recorded with the number it is rated for and the tech prefix stripped from it
    const cdrs = received.map((cdr, index) => {
      const techPrefix = priced[index]!.trunk?.techPrefix ?? null;
      return techPrefix === null ? cdr : { ...cdr, destination: priced[index]!.destination, techPrefix };
    });
    const outcomes = new Array<CdrOutcome | undefined>(cdrs.length);
    // the first CDR of each call goes into the batch; a second one of the same call waits for it
    const first = new Map<string, number>();
    const later: number[] = [];
    cdrs.forEach((cdr, index) => (first.has(cdr.callId) ? later.push(index) : first.set(cdr.callId, index)));
    const batch = [...first.values()];
    const meta = this.clock.meta('switch');
    try {
      const loaded = await this.calls.loadMany(batch.map((index) => cdrs[index]!.callId));
      const decisions: (CallDecision & { index: number })[] = [];
      for (const index of batch) {
        const cdr = cdrs[index]!;
        const call = loaded.get(cdr.callId)!;
        const decided = decide(call, cdr, priced[index]!.pricing, meta);
        if ('rejected' in decided) outcomes[index] = rejectedOutcome(cdr.callId, decided.rejected);
        else decisions.push({ ...decided, index });
      }
      const committed = await this.calls.commit(decisions, metadataOf(context));
      const byCall = new Map(committed.map((result) => [result.callId, result]));
      for (const decision of decisions) if (byCall.get(decision.call.callId)!.written) settle.add(decision.events);
      // the switch's answer waits for the reports to show these calls (read-your-writes)
      for (const result of committed) recordCommittedEvents(result.publishedEventIds ?? []);
      for (const decision of decisions) {
        const result = byCall.get(decision.call.callId)!;
        outcomes[decision.index] = await this.answer(result.callId, result.state, result.written);
      }
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // somebody else wrote one of these calls meanwhile: nothing of the batch was written
      for (const index of batch) outcomes[index] = await this.recordOne(context, cdrs[index]!, priced[index]!.pricing, settle);
    }
    for (const index of later) outcomes[index] = await this.recordOne(context, cdrs[index]!, priced[index]!.pricing, settle);
    await settle.flush();
    return outcomes.map((outcome) => outcome!);
  }

  /** One CDR, loaded from its stream, retried on a concurrent writer. */
  private async recordOne(context: CommandContext, cdr: CanonicalCdr, pricing: CallPricing, settle: SettlementCollector): Promise<CdrOutcome> {
    const meta = this.clock.meta('switch');
    for (let attempt = 1; ; attempt += 1) {
      const call = await this.calls.loadFromStream(cdr.callId);
      const decided = decide(call, cdr, pricing, meta);
      if ('rejected' in decided) return rejectedOutcome(cdr.callId, decided.rejected);
      try {
        const [result] = await this.calls.commit([decided], metadataOf(context));
        if (result!.written) settle.add(decided.events);
        recordCommittedEvents(result!.publishedEventIds ?? []);
        return await this.answer(cdr.callId, result!.state, result!.written);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** The answer for a committed call; a repeat that found its events stored by a concurrent twin reads the recorded outcome. */
  private async answer(callId: string, state: CallState, written: boolean): Promise<CdrOutcome> {
    if (state.outcome !== null) return outcomeOf(callId, state, !written);
    return outcomeOf(callId, (await this.calls.loadFromStream(callId)).state, true);
  }
}

function decide(call: LoadedCall, cdr: CanonicalCdr, pricing: CallPricing, meta: { actor: string; now: string }): CallDecision | { rejected: RejectedCommand } {
  try {
    const events = decideCall({ type: 'RecordCdr', cdr, pricing, meta }, call.state);
    return { call, events, commandId: cdrCommandId(cdr) };
  } catch (error) {
    if (error instanceof RejectedCommand) return { rejected: error };
    throw error;
  }
}

function outcomeOf(callId: string, state: CallState, duplicate: boolean): CdrOutcome {
  const outcome = state.outcome;
  if (outcome === null) throw new Error(`call ${callId} has no outcome after its CDR`);
  return { callId, status: outcome.status, duplicate, costMicros: outcome.costMicros, reason: outcome.reason };
}

function rejectedOutcome(callId: string, error: RejectedCommand): CdrOutcome {
  return { callId, status: 'rejected', code: error.code, message: error.message, httpStatus: error.status };
}
