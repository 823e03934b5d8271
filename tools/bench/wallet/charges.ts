// Charges as rating sends them: WalletCalls.chargeCalls with batches of many calls over many
// customers (no holds: settle-or-charge charges directly). Used both to measure batched charges
// and to load the audit's log (one CallCharged event per charge).
import { WalletCalls, type CallCharge } from '@billing/wallet-service';
import type { ServiceApp } from '../shared/service-app.js';

/** 0.0123 per call: a typical rated minute (bigint micro-units). */
export const CHARGE_COST_MICROS = 12_300n;

export class ChargeFeeder {
  private batch = 0;

  constructor(
    private readonly app: ServiceApp,
    private readonly customerIds: readonly string[],
    private readonly batchSize: number,
  ) {}

  /**
   * The next batch: `batchSize / callsPerCustomer` consecutive customers (wrapping), each with
   * `callsPerCustomer` calls, a fresh call id per charge.
   */
  nextBatch(callsPerCustomer: number): CallCharge[] {
    const batch = this.batch;
    this.batch += 1;
    const customersPerBatch = Math.max(1, Math.floor(this.batchSize / callsPerCustomer));
    return Array.from({ length: this.batchSize }, (_, i) => ({
      customerId: this.customerIds[(batch * customersPerBatch + (i % customersPerBatch)) % this.customerIds.length]!,
      callId: `call-${batch}-${i}`,
      costMicros: CHARGE_COST_MICROS,
    }));
  }

  /** Sends one batch and checks every charge was made; the number charged. */
  async send(callsPerCustomer = 1): Promise<number> {
    const results = await this.app.get(WalletCalls).chargeCalls(this.nextBatch(callsPerCustomer));
    const refused = results.find((result) => !result.charged);
    if (refused !== undefined) throw new Error(`a charge was not made: ${JSON.stringify(refused)}`);
    return results.length;
  }
}
