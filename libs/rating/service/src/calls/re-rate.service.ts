// Re-rating (docs/rating.md §9): an unrated call is priced again — the account or the sheet may
// have been fixed since — with the owner, sheet, version and markup in force at the call's start.
// Priced now → CallReRated (charged like a first charge); still unrated → the latest reason. A
// rated call is final (409), an unanswered one has nothing to rate (409). A call priced now is
// charged before the answer goes out (CallSettlements, as for a CDR), and the answer waits for the
// reports to have taken its events (recordCommittedEvents, as CDR intake): read-your-writes.
import { WrongExpectedVersionError } from '@billing/event-store';
import { decideCall, type CallPricing, type CallState, type CanonicalCdr, type UnratedReason } from '@billing/rating-domain';
import { recordCommittedEvents } from '@billing/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { actorOf, metadataOf, type CommandContext } from '../application/command-context.js';
import { RatingClock } from '../infrastructure/clock.js';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import { CallSettlements, type SettlementCollector } from './call-settlements.js';
import { CallStore } from './call-store.js';
import { CallPricer } from './pricing.js';

export interface ReRateOutcome {
  readonly callId: string;
  readonly status: 'rated' | 'unrated' | 'unanswered';
  readonly costMicros: bigint;
  readonly reason: UnratedReason | null;
  /** false: still unrated for the same reason, nothing recorded. */
  readonly changed: boolean;
}

export interface BulkReRateReport {
  readonly attempted: number;
  readonly reRated: number;
  readonly stillUnrated: number;
  readonly costMicros: bigint;
  /** unrated calls matching the filter after this run. */
  readonly remaining: number;
}

const MAX_ATTEMPTS = 5;

/**
 * A re-rate's settlement budget. ITC waits for a re-rate, the switch does not: it is not bound to a
 * CDR's 3 s (SETTLEMENT_DEADLINE_MS) — on a loaded machine 120 calls recorded one by one used those
 * up and the answer went out with one charge left to the events (a read that missed it).
 */
export const RE_RATE_DEADLINE_MS = 10_000;

/**
 * What each call of a bulk re-rate adds to its settlement's deadline: the calls are recorded one by
 * one before the one charge: 10 + 20 s at most for 1 000, under the gateway's 60 s.
 */
const BULK_MS_PER_CALL = 20;

@Injectable()
export class ReRateService {
  constructor(
    @Inject(CallStore) private readonly calls: CallStore,
    @Inject(CallPricer) private readonly pricer: CallPricer,
    @Inject(RatingClock) private readonly clock: RatingClock,
    @Inject(RatingDatabase) private readonly db: RatingDatabase,
    @Inject(CallSettlements) private readonly settlements: CallSettlements,
  ) {}

  async reRate(context: CommandContext, callId: string): Promise<ReRateOutcome> {
    const settle = this.settlements.collector(RE_RATE_DEADLINE_MS);
    const outcome = await this.reRateOne(context, callId, settle);
    await settle.flush();
    return outcome;
  }

  /** One call re-rated and committed; its charge is added to `settle`, flushed by the caller. */
  private async reRateOne(context: CommandContext, callId: string, settle: SettlementCollector): Promise<ReRateOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      const call = await this.calls.loadFromStream(callId);
      const cdr = call.state.outcome?.cdr;
      const { pricing } = cdr === undefined ? { pricing: { kind: 'unpriced', customerId: null, agentId: null, reason: 'unknown_account' } as const } : await this.priceRecorded(cdr);
      // no CDR, rated, unanswered: the decider's 404 / 409
      const events = decideCall({ type: 'ReRateCall', callId, pricing, meta: this.clock.meta(actorOf(context)) }, call.state);
      try {
        const [result] = await this.calls.commit([{ call, events, commandId: null }], metadataOf(context));
        if (result!.written) settle.add(events);
        // the unrated-calls count and the revenue in the reports show it with the answer
        recordCommittedEvents(result!.publishedEventIds ?? []);
        return outcomeOf(callId, result!.state, events.length > 0);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * A recorded CDR priced again. A trunk call is resolved again from the number as dialled (the
   * tech prefix it was recorded with, if any, put back); the recorded destination cannot change,
   * so a call whose trunk now strips another prefix stays unrated (unknown_source_address).
   */
  private async priceRecorded(cdr: CanonicalCdr): Promise<{ pricing: CallPricing }> {
    const priced = await this.pricer.price({ ...cdr, destination: `${cdr.techPrefix ?? ''}${cdr.destination}` });
    if (priced.destination === cdr.destination) return priced;
    return { pricing: { kind: 'unpriced', customerId: null, agentId: null, reason: 'unknown_source_address' } };
  }

  /** Re-rates up to `limit` unrated calls (oldest first) matching the filter. */
  async reRateMany(context: CommandContext, filter: { reason?: UnratedReason | undefined; customerId?: string | undefined; limit: number }): Promise<BulkReRateReport> {
    const where = ["status = 'unrated'"];
    const params: unknown[] = [];
    if (filter.reason !== undefined) where.push(`reason = $${params.push(filter.reason)}`);
    if (filter.customerId !== undefined) where.push(`customer_id = $${params.push(filter.customerId)}`);
    const { rows } = await this.db.pool.query<{ call_id: string }>(
      `SELECT call_id FROM ${this.db.table('calls')} WHERE ${where.join(' AND ')} ORDER BY started_at, call_id LIMIT ${filter.limit}`,
      params,
    );
    let reRated = 0;
    let stillUnrated = 0;
    let costMicros = 0n;
    // one settlement for the whole run: one charges request to the wallet and one wait for its reads
    const settle = this.settlements.collector(RE_RATE_DEADLINE_MS + rows.length * BULK_MS_PER_CALL);
    for (const { call_id } of rows) {
      const outcome = await this.reRateOne(context, call_id, settle);
      if (outcome.status === 'rated') {
        reRated += 1;
        costMicros += outcome.costMicros;
      } else stillUnrated += 1;
    }
    await settle.flush();
    const remaining = await this.db.pool.query<{ count: bigint }>(`SELECT count(*) AS count FROM ${this.db.table('calls')} WHERE ${where.join(' AND ')}`, params);
    return { attempted: rows.length, reRated, stillUnrated, costMicros, remaining: Number(remaining.rows[0]?.count ?? 0n) };
  }
}

function outcomeOf(callId: string, state: CallState, changed: boolean): ReRateOutcome {
  const outcome = state.outcome!;
  return { callId, status: outcome.status, costMicros: outcome.costMicros, reason: outcome.reason, changed };
}
