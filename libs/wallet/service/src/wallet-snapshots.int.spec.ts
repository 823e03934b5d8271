// docs/ARCHITECTURE.md, Event store / issue 4 §9: an account with very many charges loads from its latest snapshot plus
// a bounded tail, so its load cost does not grow with its history.
import { ACCOUNT_SNAPSHOT_SCHEMA_VERSION, evolveAccount, unopenedAccount, type AccountState, type WalletEvent } from '@billing/wallet-domain';
import { runWalletAudit } from './audit/wallet-audit.js';
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

const CHARGES = 5_000;
const SNAPSHOT_EVERY = 200;
const TAIL = 37;

describe('wallet snapshots', () => {
  let app: WalletTestApp;

  beforeAll(async () => {
    app = await WalletTestApp.start({ wallet: { snapshotEveryEvents: SNAPSHOT_EVERY } });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it(`loads a customer with ${CHARGES} charges from its snapshot, reading fewer than ${SNAPSHOT_EVERY} events`, async () => {
    await app.openCustomer('talker', null, { initialBalance: '1000', source: 'operator' });
    const startedMs = performance.now();
    for (let first = 0; first < CHARGES; first += 500) {
      const results = await app.calls.chargeCalls(Array.from({ length: 500 }, (_, i) => ({ customerId: 'talker', callId: `call-${first + i}`, costMicros: 1_234n })));
      expect(results.every((result) => result.charged)).toBe(true);
    }
    console.log(`${CHARGES} charges on one customer: ${Math.round(performance.now() - startedMs)} ms`);
    const snapshotAt = (await app.db.store.loadSnapshot('wallet-customer-talker', ACCOUNT_SNAPSHOT_SCHEMA_VERSION))!.version;
    // a tail after the last snapshot, one charge per append
    for (let i = 0; i < TAIL; i += 1) await app.calls.chargeCall({ customerId: 'talker', callId: `tail-${i}`, costMicros: 1_234n });

    const loadStartedMs = performance.now();
    const { account, stats } = await app.ledger.accounts.loadFromStore('customer:talker');
    const loadMs = performance.now() - loadStartedMs;
    console.log(`cold load of a customer with ${account.version + 1} events: ${Math.round(loadMs * 10) / 10} ms, ${stats.eventsRead} events read after the snapshot at v${stats.snapshotVersion}`);
    expect(stats.snapshotVersion).toBe(snapshotAt);
    expect(stats.snapshotVersion).toBeGreaterThanOrEqual(CHARGES - SNAPSHOT_EVERY);
    expect(stats.eventsRead).toBe(account.version - snapshotAt);
    expect(stats.eventsRead).toBeLessThan(SNAPSHOT_EVERY);
    expect(account.version + 1).toBe(2 + CHARGES + TAIL);
    expect(loadMs).toBeLessThan(250);

    // the snapshot + tail state is exactly the state folded from the whole stream
    let replayed: AccountState = unopenedAccount('customer:talker');
    for (let from = 0; ; from += 1_000) {
      const page = await app.db.store.readStream('wallet-customer-talker', from, 1_000);
      for (const recorded of page) replayed = evolveAccount(replayed, recorded.data as WalletEvent);
      if (page.length < 1_000) break;
    }
    expect(account.state).toEqual(replayed);
    expect(replayed.status !== 'unopened' && replayed.balanceMicros).toBe(1_000_000_000n - BigInt(CHARGES + TAIL) * 1_234n);

    // a charge far older than the domain's window of recent calls is still never charged twice
    const again = await app.calls.chargeCall({ customerId: 'talker', callId: 'call-0', costMicros: 1_234n });
    expect(again).toEqual({ charged: false, reason: 'already-charged' });
    await app.projections.waitForCatchUp();
    expect((await runWalletAudit(app.db)).ok).toBe(true);
  }, 120_000);
});
