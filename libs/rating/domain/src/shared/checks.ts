// Input rules shared by the deciders: each returns the value or throws the RejectedCommand of rejections.ts.
import { isRoundingMode, MONEY_FRACTION_DIGITS } from '@billing/money';
import { MAX_MARKUP_MICRO_PERCENT } from './limits.js';
import { isValidId } from './ids.js';
import { isIsoInstant } from './instant.js';
import { rejections } from './rejections.js';
import type { SheetRounding } from '../sheet/rate-row.js';

export function checkId(id: string, field: string): string {
  if (!isValidId(id)) throw rejections.invalidId(field);
  return id;
}

export function checkRounding(rounding: SheetRounding): SheetRounding {
  const { decimals, mode } = rounding;
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > MONEY_FRACTION_DIGITS || !isRoundingMode(mode)) throw rejections.invalidRounding();
  return { decimals, mode };
}

export function checkInstant(text: string): string {
  if (!isIsoInstant(text)) throw rejections.invalidEffectiveFrom();
  return text;
}

export function checkMarkup(markupMicroPercent: bigint): bigint {
  if (markupMicroPercent < 0n || markupMicroPercent > MAX_MARKUP_MICRO_PERCENT) throw rejections.invalidMarkup();
  return markupMicroPercent;
}
