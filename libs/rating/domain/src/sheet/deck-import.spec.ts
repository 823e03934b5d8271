// The importer's pure half at full size: 200 000 rows streamed through CsvRecordReader in 64 KiB
// chunks, parsed row by row, checked as a deck, then built into a rate table.
import { CsvRecordReader } from '../csv/csv-record-reader.js';
import { buildRateTable, findRate } from '../lookup/rate-table.js';
import { deckChunks, deckLine } from '../testing/deck-stream.js';
import { DeckCheck } from './deck-check.js';
import { parseDeckHeader, parseDeckRecord, type DeckColumns } from './deck-csv.js';
import { DEFAULT_ROUNDING, type RateRow } from './rate-row.js';

const ROWS = 200_000;

function importDeck(chunks: Iterable<string>) {
  const reader = new CsvRecordReader();
  const check = new DeckCheck();
  const rows: RateRow[] = [];
  let columns: DeckColumns | undefined;
  const take = (records: ReturnType<CsvRecordReader['push']>) => {
    for (const record of records) {
      if (columns === undefined) {
        if (!record.ok) throw new Error(record.error);
        const header = parseDeckHeader(record.fields);
        if (!header.ok) throw new Error(JSON.stringify(header.errors));
        columns = header.value;
        continue;
      }
      const result = parseDeckRecord(columns, record);
      if (result.ok) {
        check.addRow(result.line, result.row, result.effectiveFrom);
        rows.push(result.row);
      } else check.addErrors(result.line, result.errors);
    }
  };
  for (const chunk of chunks) take(reader.push(chunk));
  take(reader.end());
  return { verdict: check.verdict(), rows };
}

describe('importing a 200 000-row deck', () => {
  it('streams, validates and builds the lookup', () => {
    const { verdict, rows } = importDeck(deckChunks(ROWS, 65_536));
    expect(verdict).toEqual({ ok: true, rowCount: ROWS, effectiveFrom: null });
    const table = buildRateTable(rows, DEFAULT_ROUNDING);
    expect(findRate(table, `${10_000 + 7 * 123_457}4455`)).toMatchObject({ destination: 'Destination 123457, mobile', minimumSeconds: 30 });
  });

  it('one bad row: nothing is accepted and the line is reported (header = line 1)', () => {
    const bad = 150_000;
    const { verdict } = importDeck(deckChunks(ROWS, 65_536, (n) => (n === bad ? deckLine(n).replace(',60,', ',sixty,') : deckLine(n))));
    expect(verdict).toEqual({ ok: false, truncated: false, errors: [{ line: bad + 2, field: 'increment_seconds', message: 'must be a whole number from 1 to 3600, got "sixty"' }] });
  });
});
