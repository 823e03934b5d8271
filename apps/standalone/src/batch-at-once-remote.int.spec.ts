// The batch of batch-at-once.int.spec.ts on the distributed path, made deterministic: the wallet
// runs WITHOUT its accounts consumer (background: false), so it learns of the 1000 new customers only
// through accounts' catch-up call after the commit — RemoteWalletCatchUp → POST
// /api/v1/internal/wallet/accounts-catch-up, one request for all of them — and its fills through
// accounts' history API over HTTP, as the accounts and wallet processes call each other.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { expectBatchUsable, MAX_BATCH } from './__fixtures__/batch-usable.js';
import { AccountsHistoryOverHttp, WalletCatchUpOverHttp } from './__fixtures__/over-http.js';
import { moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(300_000);

const app = moneyPathAppPerFile('bor', { overHttp: true, accounts: { catchUps: [WalletCatchUpOverHttp] }, wallet: { background: false, accountsHistory: AccountsHistoryOverHttp } });

it(`without the wallet's accounts consumer: the ${MAX_BATCH} customers of a batch are in the balance list and authorize with its 201`, async () => {
  await expectBatchUsable(app.gw, await app.gw.login('admin', app.gw.adminPassword!), TEST_SWITCH_API_KEY, 'bor');
});
