// Traffic figures for reports (calls, minutes, revenue, ASR, ACD, top destinations) on plain
// inputs, exact: counts and seconds are safe integers, money is bigint, ratios are Rationals that
// the caller rounds once for display (asrMicroPercent, acdMillis).
import { invariant } from '@billing/decider';
import { rational, roundDiv, type Rational } from '@billing/money';

/** One call as reports see it (from CallRated / CallReRated / CallUnrated / CallUnanswered). */
export interface CallFact {
  readonly answered: boolean;
  readonly billsecSeconds: number;
  readonly billedSeconds: number;
  readonly costMicros: bigint;
  /** the rate row's destination name, or the dialled prefix when unrated. */
  readonly destination: string;
}

export interface TrafficTotals {
  readonly attempts: number;
  readonly answered: number;
  /** talk time of answered calls (what ACD averages). */
  readonly billsecSeconds: number;
  /** what was charged for (increments and minimums applied). */
  readonly billedSeconds: number;
  readonly revenueMicros: bigint;
}

export const NO_TRAFFIC: TrafficTotals = Object.freeze({ attempts: 0, answered: 0, billsecSeconds: 0, billedSeconds: 0, revenueMicros: 0n });

export function addCall(totals: TrafficTotals, call: CallFact): TrafficTotals {
  invariant(Number.isSafeInteger(call.billsecSeconds) && call.billsecSeconds >= 0 && Number.isSafeInteger(call.billedSeconds) && call.billedSeconds >= 0, 'call seconds must be whole and non-negative');
  invariant(call.answered || (call.billsecSeconds === 0 && call.costMicros === 0n), 'an unanswered call has no talk time and no cost');
  const next = {
    attempts: totals.attempts + 1,
    answered: totals.answered + (call.answered ? 1 : 0),
    billsecSeconds: totals.billsecSeconds + call.billsecSeconds,
    billedSeconds: totals.billedSeconds + call.billedSeconds,
    revenueMicros: totals.revenueMicros + call.costMicros,
  };
  invariant(Number.isSafeInteger(next.billsecSeconds) && Number.isSafeInteger(next.billedSeconds), 'traffic seconds overflowed');
  return next;
}

export function totalsOf(calls: Iterable<CallFact>): TrafficTotals {
  let totals = NO_TRAFFIC;
  for (const call of calls) totals = addCall(totals, call);
  return totals;
}

/** Answer-seizure ratio = answered / attempts, exact; null without attempts. */
export function asr(totals: TrafficTotals): Rational | null {
  return totals.attempts === 0 ? null : rational(BigInt(totals.answered), BigInt(totals.attempts));
}

/** ASR in micro-percent (12_500_000n = 12.5 %), rounded half-up once; null without attempts. */
export function asrMicroPercent(totals: TrafficTotals): bigint | null {
  return totals.attempts === 0 ? null : roundDiv(BigInt(totals.answered) * 100_000_000n, BigInt(totals.attempts), 'half-up');
}

/** Average call duration = talk seconds of answered calls / answered calls, exact; null without answered calls. */
export function acdSeconds(totals: TrafficTotals): Rational | null {
  return totals.answered === 0 ? null : rational(BigInt(totals.billsecSeconds), BigInt(totals.answered));
}

/** ACD in whole milliseconds, rounded half-up once. */
export function acdMillis(totals: TrafficTotals): number | null {
  return totals.answered === 0 ? null : Number(roundDiv(BigInt(totals.billsecSeconds) * 1000n, BigInt(totals.answered), 'half-up'));
}

/** Minutes of talk, exact (billsec / 60). */
export function talkMinutes(totals: TrafficTotals): Rational {
  return rational(BigInt(totals.billsecSeconds), 60n);
}

/** Minutes charged for, exact (billed seconds / 60). */
export function billedMinutes(totals: TrafficTotals): Rational {
  return rational(BigInt(totals.billedSeconds), 60n);
}

export interface DestinationTraffic extends TrafficTotals {
  readonly destination: string;
}

/** At most 100 destinations per report. */
export const MAX_TOP_DESTINATIONS = 100;

/** Per-destination totals, fed call by call (a live projection), read as a top-N list. */
export class DestinationTotals {
  private readonly byDestination = new Map<string, TrafficTotals>();

  add(call: CallFact): void {
    this.byDestination.set(call.destination, addCall(this.byDestination.get(call.destination) ?? NO_TRAFFIC, call));
  }

  /** By revenue, then billed seconds, then attempts (all descending), then name: a stable order. */
  top(limit: number): DestinationTraffic[] {
    invariant(Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_TOP_DESTINATIONS, `top destinations: limit must be 1..${MAX_TOP_DESTINATIONS}`);
    return [...this.byDestination]
      .map(([destination, totals]) => ({ destination, ...totals }))
      .sort(
        (a, b) =>
          descending(a.revenueMicros, b.revenueMicros) ||
          b.billedSeconds - a.billedSeconds ||
          b.attempts - a.attempts ||
          (a.destination < b.destination ? -1 : a.destination > b.destination ? 1 : 0),
      )
      .slice(0, limit);
  }
}

export function topDestinations(calls: Iterable<CallFact>, limit: number): DestinationTraffic[] {
  const totals = new DestinationTotals();
  for (const call of calls) totals.add(call);
  return totals.top(limit);
}

function descending(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}
