// ?format=csv (or Accept: text/csv) on the ledger-line lists: every line of the account, newest
// first, streamed page by page (a customer with 100 000 calls never sits in memory), with the
// JSON item's fields in snake_case — the same conventions as the call history's CSV.
import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { WalletQueries } from '../queries/wallet-queries.js';
import { transactionsView } from './wallet.views.js';

export const TRANSACTIONS_CSV_HEADER = 'id,type,kind,ref,reference,amount,balance_after,customer_id,actor,occurred_at\n';
const EXPORT_PAGE_LINES = 1_000;

/** ?format decides when given; else an Accept that names text/csv. */
export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  return accept !== undefined && /(^|,)\s*text\/csv\b/i.test(accept);
}

export function transactionsCsv(queries: WalletQueries, accountId: string, fileName: string): StreamableFile {
  async function* lines(): AsyncGenerator<string> {
    yield TRANSACTIONS_CSV_HEADER;
    for (let cursor: bigint | undefined; ; ) {
      const page = await queries.ledgerLines(accountId, { limit: EXPORT_PAGE_LINES, cursor });
      const view = transactionsView(page);
      if (view.items.length > 0) {
        yield view.items
          .map((item) => `${[item.id, item.type, item.kind, item.ref, item.reference, item.amount, item.balanceAfter, item.customerId, item.actor, item.occurredAt].map(csvCell).join(',')}\n`)
          .join('');
      }
      const last = page.items[page.items.length - 1];
      if (page.nextCursor === null || last === undefined) return;
      cursor = last.position;
    }
  }
  return new StreamableFile(Readable.from(lines()), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`,
  });
}

function csvCell(value: string | null): string {
  if (value === null) return '';
  // a cell a spreadsheet would run as a formula is quote-prefixed; amounts (-0.25) stay as they are
  const formula = /^[=@\t\r]/.test(value) || (/^[+-]/.test(value) && !/^[+-][0-9 ().-]*$/.test(value));
  const safe = formula ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
