// A sheet's rounding rule from the wire: `{decimals, mode}`, each optional (default 4 and up).
import { isRoundingMode, MONEY_FRACTION_DIGITS } from '@billing/money';
import { failed, ok, type Parsed } from '../shared/field-error.js';
import { describe, readWhole, type Errors } from '../shared/read-field.js';
import { DEFAULT_ROUNDING, type SheetRounding } from './rate-row.js';

export function readRounding(value: unknown, field = 'rounding'): Parsed<SheetRounding> {
  if (value === undefined || value === null) return ok(DEFAULT_ROUNDING);
  if (typeof value !== 'object' || Array.isArray(value)) return failed([{ field, message: `must be an object {decimals, mode}, got ${describe(value)}` }]);
  const { decimals, mode } = value as { decimals?: unknown; mode?: unknown };
  const errors: Errors = [];
  const readDecimals = decimals === undefined ? DEFAULT_ROUNDING.decimals : readWhole(decimals, `${field}.decimals`, errors, 0, MONEY_FRACTION_DIGITS);
  const readMode = mode === undefined ? DEFAULT_ROUNDING.mode : isRoundingMode(mode) ? mode : undefined;
  if (readMode === undefined) errors.push({ field: `${field}.mode`, message: `must be one of "up", "half-up", "down", got ${describe(mode)}` });
  if (readDecimals === undefined || readMode === undefined) return failed(errors);
  return ok({ decimals: readDecimals, mode: readMode });
}
