// The billing options a profile fixes and a customer copies when it is opened (a snapshot: a
// later profile change never alters an existing customer). One rule set for profile, customer, batch.
import { invariant, type RejectedCommand } from '@billing/decider';
import { rejections } from '../rejections.js';
import {
  MAX_CALL_DURATION_SECONDS,
  MAX_CONCURRENT_CALLS,
  MIN_CALL_DURATION_SECONDS,
  MIN_CONCURRENT_CALLS,
} from '../shared/limits.js';
import { normaliseLanguage } from '../validation/language.js';

export const BILLING_TYPES = ['prepaid', 'postpaid'] as const;
export type BillingType = (typeof BILLING_TYPES)[number];

export interface BillingTerms {
  billingType: BillingType;
  /** postpaid: how far below zero the balance may go (≥ 0); prepaid: always null. */
  creditLimitMicros: bigint | null;
  /** deposited when the customer is opened; 0 = none. */
  initialBalanceMicros: bigint;
  lowBalanceThresholdMicros: bigint;
  maxConcurrentCalls: number;
  maxCallDurationSeconds: number;
  language: string;
}

/** A profile may leave the rate sheet to the agent's (null). */
export interface ProfileTerms extends BillingTerms {
  rateSheetId: string | null;
}

/** A customer always has an effective rate sheet. */
export interface CustomerTerms extends BillingTerms {
  rateSheetId: string;
}

/** The first rule `terms` break, or the terms with the language in canonical case. */
function examine<T extends BillingTerms>(terms: T): { ok: T } | { problem: RejectedCommand } {
  if (!BILLING_TYPES.includes(terms.billingType)) return { problem: rejections.invalidBillingType() };
  const problem = creditLimitProblem(terms.billingType, terms.creditLimitMicros);
  if (problem !== null) return { problem };
  if (terms.initialBalanceMicros < 0n) return { problem: rejections.invalidInitialBalance() };
  if (terms.lowBalanceThresholdMicros < 0n) return { problem: rejections.invalidLowBalanceThreshold() };
  if (!isWholeIn(terms.maxConcurrentCalls, MIN_CONCURRENT_CALLS, MAX_CONCURRENT_CALLS)) {
    return { problem: rejections.invalidMaxConcurrentCalls() };
  }
  if (!isWholeIn(terms.maxCallDurationSeconds, MIN_CALL_DURATION_SECONDS, MAX_CALL_DURATION_SECONDS)) {
    return { problem: rejections.invalidMaxCallDuration() };
  }
  const language = normaliseLanguage(terms.language);
  if (language === null) return { problem: rejections.invalidLanguage() };
  return { ok: { ...terms, language } };
}

/** Prepaid carries no credit limit; postpaid carries one that is not negative. */
export function creditLimitProblem(billingType: BillingType, creditLimitMicros: bigint | null): RejectedCommand | null {
  if (billingType === 'prepaid') return creditLimitMicros === null ? null : rejections.creditLimitNotAllowed();
  if (creditLimitMicros === null) return rejections.creditLimitRequired();
  return creditLimitMicros < 0n ? rejections.invalidCreditLimit() : null;
}

/** For decide: the normalised terms, or the RejectedCommand of the first broken rule. */
export function checkBillingTerms<T extends BillingTerms>(terms: T): T {
  const result = examine(terms);
  if ('problem' in result) throw result.problem;
  return result.ok;
}

/** For evolve: terms read back from an event must already satisfy every rule, canonically. */
export function assertBillingTerms(terms: BillingTerms, where: string): void {
  const result = examine(terms);
  invariant(!('problem' in result), `${where}: ${'problem' in result ? result.problem.message : ''}`);
  invariant(result.ok.language === terms.language, `${where}: language "${terms.language}" is not canonical`);
}

export function isWholeIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Exactly the ProfileTerms fields of `source` (commands and events carry more). */
export function profileTermsOf(source: ProfileTerms): ProfileTerms {
  return { ...billingTermsOf(source), rateSheetId: source.rateSheetId };
}

/** Exactly the CustomerTerms fields of `source`. */
export function customerTermsOf(source: CustomerTerms): CustomerTerms {
  return { ...billingTermsOf(source), rateSheetId: source.rateSheetId };
}

function billingTermsOf(source: BillingTerms): BillingTerms {
  return {
    billingType: source.billingType,
    creditLimitMicros: source.creditLimitMicros,
    initialBalanceMicros: source.initialBalanceMicros,
    lowBalanceThresholdMicros: source.lowBalanceThresholdMicros,
    maxConcurrentCalls: source.maxConcurrentCalls,
    maxCallDurationSeconds: source.maxCallDurationSeconds,
    language: source.language,
  };
}
