// Rating suite settings (BENCH_SCALE shrinks counts and durations for a smoke run; the deck stays
// 200 000 prefixes at any scale: the lookup comparison is about that size).
export interface RatingBenchConfig {
  deckRows: number;
  /** distinct numbers the in-memory lookups cycle through. */
  lookupNumbers: number;
  /** in-memory timing: rounds over all numbers per run. */
  lookupRounds: number;
  lookupRuns: number;
  /** SQL peer: concurrent connections and time per query kind. */
  sqlConnections: number;
  sqlRunMs: number;
  /** end to end: customers, CDRs per POST, posts in flight, CDRs in total. */
  cdrCustomers: number;
  cdrBatchSize: number;
  cdrPostsInFlight: number;
  cdrTotal: number;
  /** authorization: paced rate and duration. */
  authorizeRatePerSecond: number;
  /** the diagnostic run's rate (one the machine sustains). */
  authorizeLightRatePerSecond: number;
  authorizeRunMs: number;
  authorizeWarmupMs: number;
  /** measure CDRs/s over Kafka too (BENCH_KAFKA=0 skips it). */
  kafka: boolean;
}

export function ratingBenchConfig(scale: number): RatingBenchConfig {
  return {
    deckRows: 200_000,
    lookupNumbers: 200_000,
    lookupRounds: Math.max(2, Math.round(10 * scale)),
    lookupRuns: 5,
    sqlConnections: 8,
    sqlRunMs: Math.max(1_000, Math.round(10_000 * scale)),
    cdrCustomers: Math.max(50, Math.round(1_000 * scale)),
    cdrBatchSize: 500,
    cdrPostsInFlight: 4,
    cdrTotal: Math.max(2_000, Math.round(5_000 * scale)),
    authorizeRatePerSecond: 1_000,
    authorizeLightRatePerSecond: 20,
    authorizeRunMs: Math.max(2_000, Math.round(5_000 * scale)),
    authorizeWarmupMs: Math.max(1_000, Math.round(3_000 * scale)),
    kafka: process.env.BENCH_KAFKA !== '0',
  };
}
