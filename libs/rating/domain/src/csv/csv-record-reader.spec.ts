import fc from 'fast-check';
import { CsvEncodingError, CsvRecordReader, type CsvRecord } from './csv-record-reader.js';

function readAll(chunks: ReadonlyArray<string | Uint8Array>, options = {}): CsvRecord[] {
  const reader = new CsvRecordReader(options);
  return [...chunks.flatMap((chunk) => reader.push(chunk)), ...reader.end()];
}

const record = (line: number, ...fields: string[]): CsvRecord => ({ ok: true, line, fields });

describe('CsvRecordReader', () => {
  it('reads fields and numbers records by the line they start on', () => {
    expect(readAll(['prefix,destination\n44,UK\n1,"US, Canada"\n'])).toEqual([record(1, 'prefix', 'destination'), record(2, '44', 'UK'), record(3, '1', 'US, Canada')]);
  });

  it('LF, CRLF and CR all end a record; the last record needs no newline', () => {
    expect(readAll(['a\r\nb\rc\nd'])).toEqual([record(1, 'a'), record(2, 'b'), record(3, 'c'), record(4, 'd')]);
  });

  it('quoted fields keep commas, doubled quotes and newlines, and lines keep counting inside them', () => {
    expect(readAll(['"""Alice"" <1000>","two\r\nlines"\nnext\n'])).toEqual([record(1, '"Alice" <1000>', 'two\r\nlines'), record(3, 'next')]);
  });

  it('skips blank lines and rows of empty cells, still counting them', () => {
    expect(readAll(['a\n\n,,,\r\n\nb\n'])).toEqual([record(1, 'a'), record(5, 'b')]);
  });

  it('drops a UTF-8 byte-order mark, in text or in bytes', () => {
    expect(readAll(['\uFEFFprefix\n'])).toEqual([record(1, 'prefix')]);
    expect(readAll([new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a])])).toEqual([record(1, 'a')]);
  });

  it('decodes UTF-8 split across chunks', () => {
    const bytes = new TextEncoder().encode('Côte d’Ivoire\n');
    expect(readAll([bytes.slice(0, 2), bytes.slice(2, 3), bytes.slice(3)])).toEqual([record(1, 'Côte d’Ivoire')]);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => readAll([new Uint8Array([0x61, 0xff, 0x0a])])).toThrow(CsvEncodingError);
  });

  it('reports a broken record with its line and goes on with the next line', () => {
    expect(readAll(['a\n"x"y,z\nb\n"open\n'])).toEqual([
      record(1, 'a'),
      { ok: false, line: 2, error: 'unexpected "y" after a closing quote' },
      record(3, 'b'),
      { ok: false, line: 4, error: 'a quoted field is not closed' },
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(readAll(['5" screen,x\n'])).toEqual([record(1, '5" screen', 'x')]);
  });

  it('bounds a record: characters and fields', () => {
    expect(readAll(['abcdef\nok\n'], { maxRecordChars: 5 })).toEqual([{ ok: false, line: 1, error: 'a record may have at most 5 characters' }, record(2, 'ok')]);
    expect(readAll(['a,b,c\nok\n'], { maxFields: 2 })).toEqual([{ ok: false, line: 1, error: 'a record may have at most 2 fields' }, record(2, 'ok')]);
  });

  it('the same records however the input is split into chunks', () => {
    const cell = fc.oneof(fc.stringMatching(/^[a-z0-9 .]{0,6}$/), fc.stringMatching(/^[a-z,"\r\n]{0,6}$/).map((text) => `"${text.replaceAll('"', '""')}"`));
    const text = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(',')), { maxLength: 8 }).chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 5 }), (input, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => input.slice(start, points[i] ?? input.length));
        expect(readAll(chunks)).toEqual(readAll([input]));
      }),
    );
  });

  it('may not be used after end', () => {
    const reader = new CsvRecordReader();
    reader.end();
    expect(() => reader.push('a')).toThrow('push after end');
  });
});
