// Pure traffic arithmetic for reports, exact: counts and seconds are bigint sums from SQL, ratios
// are computed as integers and rounded half-up once, to two decimals, for display.
//   ASR = answered / attempts × 100 (percent)        ACD = talk seconds / answered (seconds)
//   billed minutes = billed seconds / 60
// Attempts = every call (rated, unrated, unanswered); answered = rated + unrated (a call kept
// unrated was answered: it has talk time, only no price); billed seconds and revenue: rated only.
import { formatMoneyFixed, roundDiv } from '@billing/money';

export interface TrafficTotals {
  attempts: bigint;
  answered: bigint;
  rated: bigint;
  unrated: bigint;
  /** billsec of answered calls (what ACD averages). */
  talkSeconds: bigint;
  /** what was charged for (increments and minimums applied). */
  billedSeconds: bigint;
  revenueMicros: bigint;
}

export const NO_TRAFFIC: TrafficTotals = Object.freeze({
  attempts: 0n,
  answered: 0n,
  rated: 0n,
  unrated: 0n,
  talkSeconds: 0n,
  billedSeconds: 0n,
  revenueMicros: 0n,
});

export function addTraffic(a: TrafficTotals, b: TrafficTotals): TrafficTotals {
  return {
    attempts: a.attempts + b.attempts,
    answered: a.answered + b.answered,
    rated: a.rated + b.rated,
    unrated: a.unrated + b.unrated,
    talkSeconds: a.talkSeconds + b.talkSeconds,
    billedSeconds: a.billedSeconds + b.billedSeconds,
    revenueMicros: a.revenueMicros + b.revenueMicros,
  };
}

/** ASR as a percentage with two decimals ("66.67"); null without attempts. */
export function asrPercent(totals: Pick<TrafficTotals, 'attempts' | 'answered'>): string | null {
  if (totals.attempts === 0n) return null;
  return hundredths(roundDiv(totals.answered * 10_000n, totals.attempts, 'half-up'));
}

/** ACD in seconds with two decimals ("90.50"); null without answered calls. */
export function acdSeconds(totals: Pick<TrafficTotals, 'answered' | 'talkSeconds'>): string | null {
  if (totals.answered === 0n) return null;
  return hundredths(roundDiv(totals.talkSeconds * 100n, totals.answered, 'half-up'));
}

/** Seconds as minutes with two decimals ("3.50"). */
export function minutesOf(seconds: bigint): string {
  return hundredths(roundDiv(seconds * 100n, 60n, 'half-up'));
}

/** 6667n → "66.67" (the money formatter does exact fixed-point; 1 hundredth = 10 000 micro-units). */
function hundredths(value: bigint): string {
  return formatMoneyFixed(value * 10_000n, 2);
}
