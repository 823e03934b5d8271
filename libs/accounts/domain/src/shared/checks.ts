// Input rules shared by the deciders: each returns the normalised value or throws the
// RejectedCommand of rejections.ts. Evolve re-checks event data with the predicates underneath.
import { HUNDRED_PERCENT } from '@billing/money';
import { rejections } from '../rejections.js';
import { MAX_NAME_CHARS, MAX_REASON_CHARS } from './limits.js';
import { normaliseUsername } from '../validation/credentials.js';
import { normaliseEmail } from '../validation/email.js';
import { isReferenceId, normaliseName, normaliseReason } from '../validation/text.js';

export function isCommissionInRange(commissionMicroPercent: bigint): boolean {
  return commissionMicroPercent >= 0n && commissionMicroPercent <= HUNDRED_PERCENT;
}

export function checkCommission(commissionMicroPercent: bigint): bigint {
  if (!isCommissionInRange(commissionMicroPercent)) throw rejections.invalidCommission();
  return commissionMicroPercent;
}

export function checkName(name: string): string {
  return normaliseName(name, MAX_NAME_CHARS) ?? fail(rejections.invalidName());
}

export function checkReason(reason: string | null): string | null {
  const normalised = normaliseReason(reason, MAX_REASON_CHARS);
  return normalised === undefined ? fail(rejections.invalidReason()) : normalised;
}

export function checkEmail(email: string): string {
  return normaliseEmail(email) ?? fail(rejections.invalidEmail());
}

export function checkUsername(username: string): string {
  return normaliseUsername(username) ?? fail(rejections.invalidUsername());
}

export function checkRateSheetId(rateSheetId: string): string {
  return isReferenceId(rateSheetId) ? rateSheetId : fail(rejections.invalidRateSheet());
}

export function checkThreshold(lowBalanceThresholdMicros: bigint): bigint {
  return lowBalanceThresholdMicros >= 0n ? lowBalanceThresholdMicros : fail(rejections.invalidLowBalanceThreshold());
}

function fail(error: Error): never {
  throw error;
}
