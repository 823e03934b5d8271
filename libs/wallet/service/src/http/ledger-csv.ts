// ?format=csv (or Accept: text/csv) on the ledger-line lists (an agent's or a customer's
// transactions, an agent's commission lines): every line of the account, newest first, streamed
// page by page (a customer with 100 000 calls never sits in memory), with the JSON item's fields
// in snake_case — the same conventions as the call history's CSV.
import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Page } from '../queries/pagination.js';
import type { LedgerLineView, WalletQueries } from '../queries/wallet-queries.js';
import { commissionsView, transactionsView } from './wallet.views.js';

export const TRANSACTIONS_CSV_HEADER = 'id,type,kind,ref,reference,amount,balance_after,customer_id,actor,occurred_at\n';
export const COMMISSIONS_CSV_HEADER = 'id,type,kind,ref,customer_id,base_amount,commission_percent,amount,commission_balance_after,occurred_at\n';
/** The CSV answers as OpenAPI describes them (@ApiCsvResponse). */
export const TRANSACTIONS_CSV_DOC = `every ledger line of the account, newest first; header: ${TRANSACTIONS_CSV_HEADER.trim()}`;
export const COMMISSIONS_CSV_DOC = `every commission line of the agent, newest first (an empty cell where the JSON has null); header: ${COMMISSIONS_CSV_HEADER.trim()}`;
const EXPORT_PAGE_LINES = 1_000;

/** ?format decides when given; else an Accept that names text/csv. */
export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  return accept !== undefined && /(^|,)\s*text\/csv\b/i.test(accept);
}

/** The main-balance or customer ledger lines, as `GET …/transactions` answers them in JSON. */
export function transactionsCsv(queries: WalletQueries, accountId: string, fileName: string): StreamableFile {
  return ledgerCsv(queries, accountId, fileName, TRANSACTIONS_CSV_HEADER, (page) =>
    transactionsView(page).items.map((item) => [item.id, item.type, item.kind, item.ref, item.reference, item.amount, item.balanceAfter, item.customerId, item.actor, item.occurredAt]),
  );
}

/** An agent's commission lines, as `GET /agents/{id}/commissions` answers them in JSON. */
export function commissionsCsv(queries: WalletQueries, accountId: string, fileName: string): StreamableFile {
  return ledgerCsv(queries, accountId, fileName, COMMISSIONS_CSV_HEADER, (page) =>
    commissionsView(page).items.map((item) => [item.id, item.type, item.kind, item.ref, item.customerId, item.baseAmount, item.commissionPercent, item.amount, item.commissionBalanceAfter, item.occurredAt]),
  );
}

type Cells = (page: Page<LedgerLineView>) => (string | null)[][];

function ledgerCsv(queries: WalletQueries, accountId: string, fileName: string, header: string, cells: Cells): StreamableFile {
  async function* lines(): AsyncGenerator<string> {
    yield header;
    for (let cursor: bigint | undefined; ; ) {
      const page = await queries.ledgerLines(accountId, { limit: EXPORT_PAGE_LINES, cursor });
      const rows = cells(page);
      if (rows.length > 0) yield rows.map((row) => `${row.map(csvCell).join(',')}\n`).join('');
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
