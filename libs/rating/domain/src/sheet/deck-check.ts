// The rules of a whole deck, fed row by row while it streams in: all-or-nothing, so it collects
// every error (up to MAX_DECK_ERRORS), refuses duplicate prefixes naming both lines, bounds the
// row count, and checks that rows naming an effective time agree on one. A row with errors still
// takes part with its valid prefix and effective time, so one preview reports every problem: a
// duplicate of a bad row's prefix is not found only after that row is fixed.
import { MAX_DECK_ERRORS, MAX_DECK_ROWS } from '../shared/limits.js';
import type { FieldError } from '../shared/field-error.js';
import type { RateRow } from './rate-row.js';

/** A problem of a deck: `line` is the CSV line, or the JSON row index (`rows[line]`). */
export interface DeckError extends FieldError {
  readonly line: number;
}

export type DeckVerdict =
  | { readonly ok: true; readonly rowCount: number; readonly effectiveFrom: string | null }
  | { readonly ok: false; readonly errors: readonly DeckError[]; readonly truncated: boolean };

export class DeckCheck {
  private readonly firstLineOfPrefix = new Map<string, number>();
  private readonly errors: DeckError[] = [];
  private truncated = false;
  private rowCount = 0;
  private effectiveFrom: { value: string; line: number } | null = null;

  /** `where` renders a line in messages: "line 12" for CSV, "rows[11]" for JSON. */
  constructor(
    private readonly where: (line: number) => string = (line) => `line ${line}`,
    private readonly maxRows = MAX_DECK_ROWS,
    private readonly maxErrors = MAX_DECK_ERRORS,
  ) {}

  addRow(line: number, row: RateRow, effectiveFrom: string | null = null): void {
    this.track(line, row.prefix, effectiveFrom);
  }

  /** A row with errors: they are reported, and its `prefix`/`effectiveFrom` (when valid, else null) still meet the other rows'. */
  addBadRow(line: number, errors: readonly FieldError[], prefix: string | null, effectiveFrom: string | null = null): void {
    this.addErrors(line, errors);
    this.track(line, prefix, effectiveFrom);
  }

  addErrors(line: number, errors: readonly FieldError[]): void {
    for (const error of errors) this.addError({ line, ...error });
  }

  verdict(): DeckVerdict {
    if (this.errors.length === 0 && this.rowCount === 0) return { ok: false, errors: [{ line: 0, field: 'rows', message: 'the deck has no rows' }], truncated: false };
    if (this.errors.length > 0) return { ok: false, errors: [...this.errors], truncated: this.truncated };
    return { ok: true, rowCount: this.rowCount, effectiveFrom: this.effectiveFrom?.value ?? null };
  }

  private track(line: number, prefix: string | null, effectiveFrom: string | null): void {
    this.rowCount += 1;
    if (this.rowCount === this.maxRows + 1) this.addError({ line, field: 'rows', message: `a deck may have at most ${this.maxRows} rows` });
    if (prefix !== null) {
      const first = this.firstLineOfPrefix.get(prefix);
      if (first !== undefined) this.addError({ line, field: 'prefix', message: `duplicate prefix "${prefix}": ${this.where(first)} and ${this.where(line)}` });
      else if (this.rowCount <= this.maxRows) this.firstLineOfPrefix.set(prefix, line);
    }
    if (effectiveFrom === null) return;
    if (this.effectiveFrom === null) this.effectiveFrom = { value: effectiveFrom, line };
    else if (Date.parse(effectiveFrom) !== Date.parse(this.effectiveFrom.value)) {
      this.addError({ line, field: 'effective_from', message: `a deck has one effective time: ${effectiveFrom} differs from ${this.effectiveFrom.value} on ${this.where(this.effectiveFrom.line)}` });
    }
  }

  private addError(error: DeckError): void {
    if (this.errors.length < this.maxErrors) this.errors.push(error);
    else this.truncated = true;
  }
}
