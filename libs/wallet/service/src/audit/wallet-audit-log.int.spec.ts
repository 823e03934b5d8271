// The audit over a log longer than one page (the reader's pages, prefetch and slices), and over a
// log tampered with in the database itself: an event edited under the append-only trigger is
// found, at its position in the log, and a malformed money tag stops the audit instead of passing.
import type { NewEvent } from '@billing/event-store';
import { customerAccount, evolveLedger, ledgerOf, streamIdOf, walletDecider, type ChargeCall } from '@billing/wallet-domain';
import { randomUUID } from 'node:crypto';
import { WalletTestApp } from '../__fixtures__/wallet-test-app.js';
import { runWalletAudit } from './wallet-audit.js';

/** more than one page of the reader (5 000 rows) and many slices (500). */
const CHARGES_PER_CUSTOMER = 2_700;
const CUSTOMERS = ['log-1', 'log-2'];

describe('the wallet audit over the stored log', () => {
  let app: WalletTestApp;
  let events: () => string;

  beforeAll(async () => {
    app = await WalletTestApp.start();
    events = () => app.db.table('events');
    for (const customerId of CUSTOMERS) await app.openCustomer(customerId, null, { initialBalance: '100', source: 'operator' });
    // charges decided by the domain and appended in bulk, in batches, interleaving the two streams
    for (let batch = 0; batch < CHARGES_PER_CUSTOMER / 900; batch += 1) {
      const loaded = await Promise.all(CUSTOMERS.map((id) => app.ledger.accounts.loadFromStore(customerAccount(id))));
      let ledger = ledgerOf(loaded.map(({ account }) => account.state));
      const appends = CUSTOMERS.map((customerId, index) => {
        const decided: NewEvent[] = [];
        for (let call = 0; call < 900; call += 1) {
          const command: ChargeCall = { type: 'ChargeCall', customerId, callId: `b${batch}-c${call}`, costMicros: 1_000n, meta: { actor: 'system:rating', now: new Date().toISOString() } };
          for (const event of walletDecider.decide(command, ledger)) {
            ledger = evolveLedger(ledger, event);
            decided.push({ eventId: randomUUID(), type: event.type, data: event });
          }
        }
        return { streamId: streamIdOf(customerAccount(customerId)), events: decided, expectedVersion: loaded[index]!.account.version };
      });
      await app.db.store.appendMulti(appends);
    }
    await app.projections.waitForCatchUp(60_000);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  /** Rewrites one stored event under the append-only trigger, as a bad migration or a hand edit would. */
  async function tamper(globalPosition: string, change: string): Promise<void> {
    await app.pool.query(`ALTER TABLE ${events()} DISABLE TRIGGER events_append_only_rows`);
    try {
      await app.pool.query(`UPDATE ${events()} SET data = ${change} WHERE global_position = $1`, [globalPosition]);
    } finally {
      await app.pool.query(`ALTER TABLE ${events()} ENABLE TRIGGER events_append_only_rows`);
    }
  }

  /** The n-th CallCharged of the log (global order) and its position in the log. */
  async function nthCharge(n: number): Promise<{ globalPosition: string; position: number }> {
    const { rows } = await app.pool.query<{ global_position: string; position: string }>(
      `SELECT global_position::text, position::text FROM (
         SELECT global_position, type, row_number() OVER (ORDER BY transaction_id, global_position) - 1 AS position FROM ${events()}) log
        WHERE type = 'CallCharged' ORDER BY position OFFSET $1 LIMIT 1`,
      [n],
    );
    return { globalPosition: rows[0]!.global_position, position: Number(rows[0]!.position) };
  }

  it('replays every stored event once, across pages and slices, and finds the ledger sound', async () => {
    const { rows } = await app.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${events()}`);
    const result = await runWalletAudit(app.db);
    expect(result.report.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.report.eventCount).toBe(Number(rows[0]!.n));
    expect(result.report.eventCount).toBeGreaterThan(5_000);
  }, 60_000);

  it('finds an event edited in the database, at its position, and stops replaying that account', async () => {
    const target = await nthCharge(5_100);
    await tamper(target.globalPosition, `jsonb_set(data, '{balanceAfterMicros}', '{"$bigint": "1"}')`);
    const result = await runWalletAudit(app.db);
    expect(result.ok).toBe(false);
    expect(result.report.problems).toEqual([
      expect.objectContaining({ kind: 'invalid-event', position: target.position, eventType: 'CallCharged', message: expect.stringMatching(/the event says 1$/) }),
    ]);
    expect(result.text).toContain('FAILED');
  }, 60_000);

  it('stops with an error on a malformed money tag instead of passing', async () => {
    const target = await nthCharge(10);
    await tamper(target.globalPosition, `jsonb_set(data, '{costMicros}', '{"$bigint": "1e3"}')`);
    await expect(runWalletAudit(app.db)).rejects.toThrow(/malformed \$bigint value "1e3"/);
  }, 60_000);
});
