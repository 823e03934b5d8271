// A streaming RFC 4180 reader: push chunks (text or UTF-8 bytes, split anywhere), get back the
// complete records so far, each with the physical line it starts on. Pure and synchronous, so
// the service can drive it from any stream and memory stays at one record (never the whole file).
//
// Written here rather than wrapping csv-parse because importers must report the exact line of a
// bad row: csv-parse's `info.lines` counts CR and LF of a CRLF inside a quoted field as two lines
// and reports the line where a record ends. Rules: `,` separates, `"` quotes (`""` inside quotes
// is a quote), LF, CRLF and CR end a record, a UTF-8 BOM is dropped, a record whose fields are
// all empty (a blank line, `,,,` from a spreadsheet) is skipped, a `"` inside an unquoted field
// is kept as text. A record over the bounds, text after a closing quote, or a quote still open
// at the end is an error record for its line; reading resumes on the next line.
import { invariant } from '@billing/decider';
import { MAX_CSV_FIELDS, MAX_CSV_RECORD_CHARS } from '../shared/limits.js';

export type CsvRecord =
  | { readonly ok: true; readonly line: number; readonly fields: readonly string[] }
  | { readonly ok: false; readonly line: number; readonly error: string };

export interface CsvReaderOptions {
  readonly maxRecordChars?: number;
  readonly maxFields?: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

type Mode = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'skipLine';

export class CsvRecordReader {
  private readonly maxRecordChars: number;
  private readonly maxFields: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private mode: Mode = 'fieldStart';
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private afterCR = false;
  private started = false;
  private ended = false;

  constructor(options: CsvReaderOptions = {}) {
    this.maxRecordChars = options.maxRecordChars ?? MAX_CSV_RECORD_CHARS;
    this.maxFields = options.maxFields ?? MAX_CSV_FIELDS;
  }

  /** Reads a chunk; bytes must be UTF-8 (a sequence split across chunks is fine). Throws CsvEncodingError. */
  push(chunk: string | Uint8Array): CsvRecord[] {
    invariant(!this.ended, 'CsvRecordReader: push after end');
    const text = typeof chunk === 'string' ? chunk : this.decode(chunk, true);
    const out: CsvRecord[] = [];
    this.read(text, out);
    return out;
  }

  /** The last record (a file need not end with a newline); an open quote is an error record. */
  end(): CsvRecord[] {
    invariant(!this.ended, 'CsvRecordReader: end twice');
    const out: CsvRecord[] = [];
    this.read(this.decode(new Uint8Array(0), false), out);
    this.ended = true;
    if (this.mode === 'quoted') out.push({ ok: false, line: this.recordLine, error: 'a quoted field is not closed' });
    else if (this.mode !== 'skipLine') this.finishRecord(out);
    return out;
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream });
    } catch {
      throw new CsvEncodingError(`the file is not valid UTF-8 (near line ${this.line})`);
    }
  }

  private read(text: string, out: CsvRecord[]): void {
    let index = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) index = 1;
    }
    while (index < text.length) {
      const code = text.charCodeAt(index);
      // CRLF is one line end: the LF after a CR was already counted (and ended the record).
      if (this.afterCR) {
        this.afterCR = false;
        if (code === LF) {
          if (this.mode === 'quoted') this.field += '\n';
          index += 1;
          continue;
        }
      }
      if (code === CR || code === LF) {
        this.line += 1;
        this.afterCR = code === CR;
        if (this.mode === 'quoted') this.append(code === CR ? '\r' : '\n', out);
        else if (this.mode === 'skipLine') this.reset();
        else this.finishRecord(out);
        index += 1;
        continue;
      }
      // Plain text runs are copied as one slice: the per-character path is only for the
      // characters that change state.
      if (this.mode === 'unquoted' || this.mode === 'quoted' || (this.mode === 'fieldStart' && code !== QUOTE && code !== COMMA)) {
        if (this.mode === 'fieldStart') this.mode = 'unquoted';
        const end = this.runEnd(text, index, this.mode === 'quoted');
        if (end > index) {
          this.append(text.slice(index, end), out);
          index = end;
          continue;
        }
      }
      if (this.mode === 'skipLine') {
        index = this.lineEnd(text, index);
        continue;
      }
      this.readChar(code, text[index] as string, out);
      index += 1;
    }
  }

  /** End of the run of plain characters from `from`: up to a line end, and a comma (unquoted) or a quote (quoted). */
  private runEnd(text: string, from: number, quoted: boolean): number {
    let index = from;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === CR || code === LF || (quoted ? code === QUOTE : code === COMMA)) break;
      index += 1;
    }
    return index;
  }

  private lineEnd(text: string, from: number): number {
    let index = from;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === CR || code === LF) break;
      index += 1;
    }
    return index;
  }

  private readChar(code: number, char: string, out: CsvRecord[]): void {
    switch (this.mode) {
      case 'skipLine':
        return;
      case 'fieldStart':
        if (code === QUOTE) this.mode = 'quoted';
        else if (code === COMMA) this.endField(out);
        else {
          this.mode = 'unquoted';
          this.append(char, out);
        }
        return;
      case 'unquoted':
        if (code === COMMA) this.endField(out);
        else this.append(char, out);
        return;
      case 'quoted':
        if (code === QUOTE) this.mode = 'quoteInQuoted';
        else this.append(char, out);
        return;
      case 'quoteInQuoted':
        if (code === QUOTE) {
          this.mode = 'quoted';
          this.append('"', out);
        } else if (code === COMMA) this.endField(out);
        else this.fail(out, `unexpected ${JSON.stringify(char)} after a closing quote`);
        return;
    }
  }

  private append(text: string, out: CsvRecord[]): void {
    this.recordChars += text.length;
    if (this.recordChars > this.maxRecordChars) this.fail(out, `a record may have at most ${this.maxRecordChars} characters`);
    else this.field += text;
  }

  private endField(out: CsvRecord[]): void {
    this.fields.push(this.field);
    this.field = '';
    this.mode = 'fieldStart';
    if (this.fields.length >= this.maxFields) this.fail(out, `a record may have at most ${this.maxFields} fields`);
  }

  private finishRecord(out: CsvRecord[]): void {
    const fields = [...this.fields, this.field];
    const line = this.recordLine;
    this.reset();
    if (fields.some((field) => field !== '')) out.push({ ok: true, line, fields });
  }

  private fail(out: CsvRecord[], error: string): void {
    out.push({ ok: false, line: this.recordLine, error });
    this.mode = 'skipLine';
  }

  private reset(): void {
    this.mode = 'fieldStart';
    this.fields = [];
    this.field = '';
    this.recordChars = 0;
    this.recordLine = this.line;
  }
}

/** Bytes that are not UTF-8: the whole upload is refused (a 400), not a row. */
export class CsvEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvEncodingError';
  }
}
