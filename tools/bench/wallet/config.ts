// Wallet suite settings (BENCH_SCALE shrinks counts and durations for a smoke run).
export interface WalletBenchConfig {
  /** concurrent HTTP clients, one agent each (the 8). */
  clients: number;
  /** customers each agent transfers to (picked round-robin). */
  customersPerAgent: number;
  transferWarmupMs: number;
  transferRunMs: number;
  /** charges per chargeCalls batch, and customers the batches spread over. */
  chargeBatchSize: number;
  chargeCustomers: number;
  chargeWarmupBatches: number;
  chargeRunMs: number;
  /** wallet events the audit replays (loaded with batched charges). */
  auditEvents: number;
  /** appends in flight while loading the audit log. */
  loadConcurrency: number;
}

export function walletBenchConfig(scale: number): WalletBenchConfig {
  return {
    clients: 8,
    customersPerAgent: 50,
    transferWarmupMs: Math.max(500, Math.round(3_000 * scale)),
    transferRunMs: Math.max(1_000, Math.round(10_000 * scale)),
    chargeBatchSize: 1_000,
    chargeCustomers: Math.max(200, Math.round(2_000 * scale)),
    chargeWarmupBatches: 3,
    chargeRunMs: Math.max(1_000, Math.round(10_000 * scale)),
    auditEvents: Math.max(20_000, Math.round(1_000_000 * scale)),
    loadConcurrency: 2,
  };
}
