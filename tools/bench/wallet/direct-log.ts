// Fills the wallet log fast for the audit: CallCharged events decided by the wallet's own domain
// (walletDecider.decide + evolveLedger on each customer's state loaded from the store, exactly the
// events ChargeCall yields) and appended through the event store, many customers and hundreds of
// events per transaction. What it skips is the service's per-lane queueing and per-call
// transactions, which the charge scenarios measure; the events themselves are the real ones, and
// the projections then process them like any others.
import type { NewEvent, StreamAppend } from '@billing/event-store';
import { customerAccount, evolveLedger, ledgerOf, streamIdOf, walletDecider, type ChargeCall } from '@billing/wallet-domain';
import { LedgerService, WalletDatabase } from '@billing/wallet-service';
import { randomUUID } from 'node:crypto';
import type { ServiceApp } from '../shared/service-app.js';
import { CHARGE_COST_MICROS } from './charges.js';

/** events per append transaction (the store takes at most 10 000 and 100 streams). */
const EVENTS_PER_APPEND = 5_000;

/** Appends `events` CallCharged events spread evenly over `customerIds`; the number appended. */
export async function appendCharges(app: ServiceApp, customerIds: readonly string[], events: number, concurrency: number): Promise<number> {
  const ledgerService = app.get(LedgerService);
  const store = app.get(WalletDatabase).store;
  const perCustomer = Math.ceil(events / customerIds.length);
  const customersPerAppend = Math.min(90, Math.max(1, Math.floor(EVENTS_PER_APPEND / perCustomer)));
  const chunks: string[][] = [];
  for (let i = 0; i < customerIds.length; i += customersPerAppend) chunks.push(customerIds.slice(i, i + customersPerAppend));
  let appended = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length && appended < events) {
      const chunk = chunks[next]!;
      next += 1;
      const loaded = await Promise.all(chunk.map((customerId) => ledgerService.accounts.loadFromStore(customerAccount(customerId))));
      let ledger = ledgerOf(loaded.map(({ account }) => account.state));
      const appends: StreamAppend[] = chunk.map((customerId, index) => {
        const batch: NewEvent[] = [];
        for (let call = 0; call < perCustomer; call += 1) {
          const command: ChargeCall = {
            type: 'ChargeCall',
            customerId,
            callId: `direct-${customerId}-${call}`,
            costMicros: CHARGE_COST_MICROS,
            meta: { actor: 'system:rating', now: new Date().toISOString() },
          };
          const key = `charge:${customerId}:${command.callId}`;
          for (const event of walletDecider.decide(command, ledger)) {
            ledger = evolveLedger(ledger, event);
            batch.push({ eventId: randomUUID(), type: event.type, data: event, metadata: { actor: 'system:rating', correlationId: key, causationId: key } });
          }
        }
        const version = loaded[index]!.account.version;
        return { streamId: streamIdOf(customerAccount(customerId)), events: batch, expectedVersion: version < 0 ? 'no_stream' : version };
      });
      await store.appendMulti(appends);
      appended += appends.reduce((sum, a) => sum + a.events.length, 0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return appended;
}
