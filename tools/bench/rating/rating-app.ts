// Rating with the real wallet, as apps/standalone composes them (RatingModule + WalletModule behind
// the gateway, one bus: in-process, or Kafka), the deck imported through the API as CSV, and
// prepaid customers opened through accounts' integration events.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { RatingDatabase, RatingModule } from '@billing/rating-service';
import type { RateRow } from '@billing/rating-domain';
import { WalletCalls, WalletDatabase, WalletModule } from '@billing/wallet-service';
import { ServiceApp } from '../shared/service-app.js';
import { waitFor } from '../shared/wait-for.js';
import { deckCsv } from './deck.js';

export const SHEET_ID = 'bench-deck';
export const SWITCH_TOKEN = TEST_SWITCH_API_KEY;

export interface BenchCustomer {
  customerId: string;
  accountNumber: string;
}

export async function startRatingApp(databaseUrl: string, brokers?: string[]): Promise<ServiceApp> {
  const prefix = brokers === undefined ? 'rating' : `rk${Date.now().toString(36)}`;
  return ServiceApp.start({
    databaseUrl,
    prefix,
    ...(brokers === undefined ? {} : { brokers }),
    modules: ({ pool, bus, names }) => [
      WalletModule.forRoot({ pool, bus, schema: 'wallet', service: `${prefix}_wallet`, accountsService: names.accountsService, ratingService: `${prefix}_rating` }),
      RatingModule.forRoot({ pool, bus, wallet: WalletCalls, schema: 'rating', service: `${prefix}_rating`, accountsService: names.accountsService }),
    ],
  });
}

/** Imports the deck as a base sheet (CSV streamed through POST /api/v1/rate-sheets); the import's elapsed ms. */
export async function importDeck(app: ServiceApp, rows: readonly RateRow[]): Promise<number> {
  const startedMs = performance.now();
  const chunks = deckCsv(rows);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const query = new URLSearchParams({ name: 'Bench deck', sheetId: SHEET_ID, effectiveFrom: '2020-01-01T00:00:00Z' });
  const res = await fetch(`${app.gw.baseUrl}/api/v1/rate-sheets?${query.toString()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.adminToken}`, 'content-type': 'text/csv' },
    body,
    duplex: 'half',
  } as RequestInit);
  if (res.status !== 201) throw new Error(`deck import: HTTP ${res.status} ${(await res.text()).slice(0, 500)}`);
  return performance.now() - startedMs;
}

/** Opens prepaid ITC customers on the bench sheet and waits until rating knows them and wallet funded them. */
export async function openRatingCustomers(app: ServiceApp, count: number, initialBalance: string): Promise<BenchCustomer[]> {
  const customers = Array.from({ length: count }, (_, i) => ({ customerId: `rc-${i + 1}`, accountNumber: String(3_000_000_000 + i + 1) }));
  for (const c of customers) await app.accounts.customerOpened({ ...c, agentId: null, initialBalance, rateSheetId: SHEET_ID });
  const ratingCustomers = app.get(RatingDatabase).table('customers');
  const walletOwners = app.get(WalletDatabase).table('customer_owners');
  const countOf = async (table: string): Promise<number> => {
    const { rows } = await app.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n ?? 0);
  };
  await waitFor(async () => (await countOf(ratingCustomers)) >= count && (await countOf(walletOwners)) >= count, 900_000, 'customers in rating and wallet', 250);
  return customers;
}

export function switchPost(app: ServiceApp, path: string, body: unknown) {
  return app.request('POST', `/api/v1/switch/${path}`, { token: SWITCH_TOKEN, body });
}
