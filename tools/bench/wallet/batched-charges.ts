// Batched charges: one chargeCalls batch at a time (a consumer's batch), timed runs of whole batches.
import { describeCpuPerOp, type CpuMeter } from '../shared/cpu-meter.js';
import type { Figure } from '../shared/figures.js';
import { formatMs, formatRate, median, percentile } from '../stats.js';
import type { ChargeFeeder } from './charges.js';
import type { WalletBenchConfig } from './config.js';

export interface ChargeShape {
  id: string;
  /** calls of one customer in a batch: 1 = every call a different customer (a CDR batch from the switch). */
  callsPerCustomer: number;
  /** judged against the target (the shape rating sends). */
  primary: boolean;
}

export async function batchedCharges(feeder: ChargeFeeder, shape: ChargeShape, config: WalletBenchConfig, runs: number, meter: CpuMeter, log: (line: string) => void): Promise<Figure> {
  const customersPerBatch = Math.min(config.chargeCustomers, Math.floor(config.chargeBatchSize / shape.callsPerCustomer));
  for (let i = 0; i < config.chargeWarmupBatches; i += 1) await feeder.send(shape.callsPerCustomer);
  const perSecond: number[] = [];
  const batchMs: number[] = [];
  let total = 0;
  for (let run = 0; run < runs; run += 1) {
    meter.resume();
    const startedMs = performance.now();
    let charged = 0;
    while (performance.now() - startedMs < config.chargeRunMs) {
      const batchStartedMs = performance.now();
      charged += await feeder.send(shape.callsPerCustomer);
      batchMs.push(performance.now() - batchStartedMs);
    }
    perSecond.push((charged * 1_000) / (performance.now() - startedMs));
    meter.pause();
    total += charged;
    log(`  batched charges (${shape.id}) run ${run + 1}: ${formatRate(perSecond[run]!)} charges/s`);
  }
  return {
    id: `wallet-batched-charges-${shape.id}`,
    label: `Batched charges (chargeCalls, ${formatRate(config.chargeBatchSize)} calls over ${formatRate(customersPerBatch)} customers per batch)${shape.primary ? '' : ' ¹'}`,
    value: median(perSecond),
    unit: 'charges/s',
    runs: perSecond,
    method: `median of ${runs} runs of ≥ ${config.chargeRunMs / 1000} s (whole batches) after ${config.chargeWarmupBatches} warm-up batches`,
    ...(shape.primary ? { target: { kind: 'min' as const, value: 30_000, text: '≥ 30 000 charges/s' } } : {}),
    details: [
      `one batch at a time, each ${formatRate(config.chargeBatchSize)} calls over ${formatRate(customersPerBatch)} different customers (${shape.callsPerCustomer} call(s) each; consecutive customers of ${formatRate(config.chargeCustomers)}, prepaid, funded), no holds; every charge checked.`,
      describeCpuPerOp(meter.perOp(total), 'charge'),
      `time per batch: p50 ${formatMs(percentile(batchMs, 50))}, p99 ${formatMs(percentile(batchMs, 99))}.`,
    ],
  };
}
