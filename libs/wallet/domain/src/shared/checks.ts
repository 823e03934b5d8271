// Input rules shared by the deciders: each returns the value or throws the RejectedCommand of
// rejections.ts.
import { HUNDRED_PERCENT } from '@billing/money';
import { rejections } from '../rejections.js';
import { MAX_ID_CHARS } from './limits.js';

export function isValidId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_CHARS && id.trim() === id;
}

export function checkId(id: string, field: string): string {
  if (!isValidId(id)) throw rejections.invalidId(field);
  return id;
}

export function checkPositiveAmount(amountMicros: bigint): bigint {
  if (amountMicros <= 0n) throw rejections.amountNotPositive();
  return amountMicros;
}

export function isCommissionInRange(microPercent: bigint): boolean {
  return microPercent >= 0n && microPercent <= HUNDRED_PERCENT;
}

export function checkCommissionRate(microPercent: bigint): bigint {
  if (!isCommissionInRange(microPercent)) throw rejections.invalidCommission();
  return microPercent;
}

export function checkThreshold(lowBalanceThresholdMicros: bigint): bigint {
  if (lowBalanceThresholdMicros < 0n) throw rejections.invalidThreshold();
  return lowBalanceThresholdMicros;
}
