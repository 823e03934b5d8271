// Input that cannot be accepted is reported field by field, never thrown: an importer shows every
// problem of a row (with the row's line) at once, and a CDR endpoint answers a 400 listing them.

export interface FieldError {
  /** the wire name of the field (`rate_per_minute`, `rows[3].intervals[1].ratePerMinute`, `variables.billsec`). */
  readonly field: string;
  readonly message: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function failed<T>(errors: readonly FieldError[]): Parsed<T> {
  if (errors.length === 0) throw new RangeError('failed() needs at least one error');
  return { ok: false, errors };
}
