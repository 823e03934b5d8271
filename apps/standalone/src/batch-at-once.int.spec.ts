// A batch opening of the maximum size (POST /customers/batch, 1000 customers) is usable at once:
// after its 201 every customer is in GET /wallet/balances (which reads only the accounts the wallet
// has opened, it fills no miss) with its initial balance, and authorizes. Accounts hands each
// consumer ONE catch-up for all the customers of the commit (ConsumersAtOnce), which the wallet fills
// from accounts' history with bounded concurrency, within the commit's bound. In process, with the
// real accounts consumers running; the distributed path: batch-at-once-remote.int.spec.ts.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { expectBatchUsable, MAX_BATCH } from './__fixtures__/batch-usable.js';
import { moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(300_000);

const app = moneyPathAppPerFile('bo');

it(`the ${MAX_BATCH} customers of a batch are in the balance list and authorize with its 201`, async () => {
  await expectBatchUsable(app.gw, await app.gw.login('admin', app.gw.adminPassword!), TEST_SWITCH_API_KEY, 'bo');
});
