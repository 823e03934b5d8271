// Reading a rate deck, all-or-nothing (docs/rating.md §7): every row is validated as it streams
// in, every bad row is reported with its line (bounded by DeckCheck), and the valid rows, their
// count and the content hash come out only when the whole deck is good. CSV arrives in chunks
// and is never held as one string (memory: one record plus the parsed rows, which become the
// in-memory table anyway); JSON arrives parsed (the gateway's body limit bounds it).
import {
  canonicalRoundingLine,
  canonicalRowLine,
  CsvRecordReader,
  DeckCheck,
  isPrefix,
  MAX_DECK_ROWS,
  parseDeckHeader,
  parseDeckRecord,
  parseJsonRateRow,
  type CsvRecord,
  type DeckColumns,
  type DeckError,
  type RateRow,
  type SheetRounding,
} from '@billing/rating-domain';
import { createHash, type Hash } from 'node:crypto';

export type DeckResult =
  /** the header (CSV line 1) or the JSON body's other fields are wrong: nothing was read. */
  | { readonly ok: false; readonly stage: 'header'; readonly errors: readonly DeckError[]; readonly truncated: false }
  | { readonly ok: false; readonly stage: 'rows'; readonly errors: readonly DeckError[]; readonly truncated: boolean }
  | { readonly ok: true; readonly rows: readonly RateRow[]; readonly contentHash: string; readonly effectiveFrom: string | null };

/** Rows plus the SHA-256 of their canonical lines (rounding first), as docs/rating.md defines it. */
class DeckRows {
  readonly rows: RateRow[] = [];
  private readonly hash: Hash;

  constructor(rounding: SheetRounding) {
    this.hash = createHash('sha256').update(`${canonicalRoundingLine(rounding)}\n`);
  }

  add(row: RateRow): void {
    if (this.rows.length >= MAX_DECK_ROWS) return; // DeckCheck reports the excess
    this.rows.push(row);
    this.hash.update(`${canonicalRowLine(row)}\n`);
  }

  result(check: DeckCheck): DeckResult {
    const verdict = check.verdict();
    if (!verdict.ok) return { ok: false, stage: 'rows', errors: verdict.errors, truncated: verdict.truncated };
    return { ok: true, rows: this.rows, contentHash: this.hash.digest('hex'), effectiveFrom: verdict.effectiveFrom };
  }
}

/** A CSV deck fed chunk by chunk (bytes split anywhere). `push` throws CsvEncodingError on bytes that are not UTF-8. */
export class CsvDeckReader {
  private readonly reader = new CsvRecordReader();
  private readonly check = new DeckCheck();
  private readonly deck: DeckRows;
  private columns: DeckColumns | null = null;
  private headerErrors: DeckError[] | null = null;

  constructor(rounding: SheetRounding) {
    this.deck = new DeckRows(rounding);
  }

  private rowErrors = 0;

  /** false once the header failed: the rest of the upload need not be read. */
  get wantsMore(): boolean {
    return this.headerErrors === null;
  }

  /** true once any row or the header was refused (the deck will be refused: no use staging more). */
  get failed(): boolean {
    return this.headerErrors !== null || this.rowErrors > 0;
  }

  /** the valid rows read so far, in deck order. */
  get rows(): readonly RateRow[] {
    return this.deck.rows;
  }

  push(chunk: Uint8Array | string): void {
    for (const record of this.reader.push(chunk)) this.record(record);
  }

  end(): DeckResult {
    for (const record of this.reader.end()) this.record(record);
    if (this.headerErrors !== null) return { ok: false, stage: 'header', errors: this.headerErrors, truncated: false };
    return this.deck.result(this.check);
  }

  private record(record: CsvRecord): void {
    if (this.headerErrors !== null) return;
    if (this.columns === null) {
      if (!record.ok) {
        this.headerErrors = [{ line: record.line, field: 'line', message: record.error }];
        return;
      }
      const header = parseDeckHeader(record.fields);
      if (header.ok) this.columns = header.value;
      else this.headerErrors = header.errors.map((error) => ({ line: record.line, ...error }));
      return;
    }
    const parsed = parseDeckRecord(this.columns, record);
    if (parsed.ok) {
      this.check.addRow(parsed.line, parsed.row, parsed.effectiveFrom);
      this.deck.add(parsed.row);
    } else {
      this.rowErrors += 1;
      this.check.addBadRow(parsed.line, parsed.errors, parsed.prefix, parsed.effectiveFrom);
    }
  }
}

const ROW_KEYS = new Set(['prefix', 'destination', 'connectFee', 'minimumSeconds', 'intervals']);
const INTERVAL_KEYS = new Set(['startSecond', 'ratePerMinute', 'incrementSeconds']);

/** The `rows` of a JSON sheet; `line` of each error is the row's index. */
export function readJsonRows(rows: readonly unknown[], rounding: SheetRounding): DeckResult {
  const check = new DeckCheck((index) => `rows[${index}]`);
  const deck = new DeckRows(rounding);
  rows.forEach((value, index) => {
    const unknown = unknownKeys(value, index);
    const parsed = parseJsonRateRow(value, index);
    if (parsed.ok && unknown.length === 0) {
      check.addRow(index, parsed.value);
      deck.add(parsed.value);
    } else {
      const prefix = (value as { prefix?: unknown } | null)?.prefix;
      check.addBadRow(index, [...unknown, ...(parsed.ok ? [] : parsed.errors)], isPrefix(prefix) ? prefix : null);
    }
  });
  return deck.result(check);
}

/** Unknown fields are refused (docs/API.md), also inside rows and intervals. */
function unknownKeys(value: unknown, index: number): { field: string; message: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const errors: { field: string; message: string }[] = [];
  for (const key of Object.keys(value)) if (!ROW_KEYS.has(key)) errors.push({ field: `rows[${index}].${key}`, message: 'unknown field' });
  const intervals = (value as { intervals?: unknown }).intervals;
  if (Array.isArray(intervals)) {
    intervals.forEach((interval: unknown, i) => {
      if (typeof interval !== 'object' || interval === null) return;
      for (const key of Object.keys(interval)) if (!INTERVAL_KEYS.has(key)) errors.push({ field: `rows[${index}].intervals[${i}].${key}`, message: 'unknown field' });
    });
  }
  return errors;
}
