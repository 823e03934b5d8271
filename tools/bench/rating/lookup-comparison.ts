// Lookups/s on the 200 000-prefix deck: the engine (the rate table's flat digit trie, findRate) vs
// (a) one SQL longest-prefix query per call on PostgreSQL (A2Billing's query, and the indexed
// rewrite) and (b) per-length Map<string> substring probes (CGRateS). Every peer's answers are
// checked against the engine's on a sample first.
import { buildRateTable, DEFAULT_ROUNDING, findRate, type RateRow } from '@billing/rating-domain';
import type { BenchServer } from '../server.js';
import type { Figure } from '../shared/figures.js';
import { closedLoop } from '../shared/load.js';
import { decimals, formatMs, formatRate, formatRatio, percentile } from '../stats.js';
import type { RatingBenchConfig } from './config.js';
import type { Deck } from './deck.js';
import { timeLookups } from './lookups.js';
import { MapPrefixIndex } from './map-peer.js';
import { SqlPrefixPeer, type SqlQueryKind } from './sql-peer.js';

/** numbers whose answers are cross-checked: all peers in memory, the first SQL_SAMPLE on SQL too (the A2Billing query scans the deck). */
const SAMPLE = 20_000;
const SQL_SAMPLE = 100;

function indexer(rows: readonly RateRow[]): (row: RateRow | null) => number {
  const indexOf = new Map(rows.map((row, index) => [row, index]));
  return (row) => (row === null ? -1 : (indexOf.get(row) ?? -2));
}

async function timeSql(peer: SqlPrefixPeer, kind: SqlQueryKind, deck: Deck, config: RatingBenchConfig): Promise<{ perSecond: number; details: string }> {
  await closedLoop(config.sqlConnections, Math.min(1_000, config.sqlRunMs), async (client, sequence) => {
    await peer.find(kind, deck.numbers[(client * 7_919 + sequence) % deck.numbers.length]!);
  });
  const result = await closedLoop(config.sqlConnections, config.sqlRunMs, async (client, sequence) => {
    await peer.find(kind, deck.numbers[(client * 7_919 + sequence * 31) % deck.numbers.length]!);
  });
  if (result.failed > 0) throw new Error(`SQL peer (${kind}): ${result.failed} queries failed: ${result.failures[0]}`);
  const perSecond = (result.ok * 1_000) / result.elapsedMs;
  return {
    perSecond,
    details: `${formatRate(result.ok)} queries in ${decimals(result.elapsedMs / 1000, 1)} s on ${config.sqlConnections} connections; latency p50 ${formatMs(percentile(result.latenciesMs, 50))}, p99 ${formatMs(percentile(result.latenciesMs, 99))}; plan: ${await peer.plan(kind, deck.numbers[0]!)}`,
  };
}

export async function lookupComparison(server: BenchServer, deck: Deck, config: RatingBenchConfig, log: (line: string) => void): Promise<Figure[]> {
  const table = buildRateTable(deck.rows, DEFAULT_ROUNDING);
  const map = new MapPrefixIndex(deck.rows);
  const indexOf = indexer(deck.rows);
  const database = await server.freshDatabase('rating_sql');
  const peer = await SqlPrefixPeer.load(database.url, deck.rows, config.sqlConnections);
  try {
    for (const [at, digits] of deck.numbers.slice(0, SAMPLE).entries()) {
      const expected = indexOf(findRate(table, digits));
      const viaMap = indexOf(map.find(digits));
      if (viaMap !== expected) throw new Error(`Map peer answered row ${viaMap} for ${digits}, the engine ${expected}`);
      for (const kind of at < SQL_SAMPLE ? (['a2billing', 'any'] as const) : []) {
        const viaSql = await peer.find(kind, digits);
        if (viaSql !== expected) throw new Error(`SQL peer (${kind}) answered row ${viaSql} for ${digits}, the engine ${expected}`);
      }
      if (expected < 0) throw new Error(`no rate for ${digits}`);
    }
    log(`  answers agree: engine and Map on ${SAMPLE} numbers, both SQL queries on ${SQL_SAMPLE}`);
    const engine = timeLookups((digits) => table.trie.lookup(digits), deck.numbers, config.lookupRounds, config.lookupRuns);
    const engineRows = timeLookups((digits) => (findRate(table, digits) === null ? 0 : 1), deck.numbers, config.lookupRounds, config.lookupRuns);
    log(`  engine: ${formatRate(engine.perSecond)} lookups/s (trie), ${formatRate(engineRows.perSecond)} lookups/s (findRate → row)`);
    const viaMap = timeLookups((digits) => (map.find(digits) === null ? 0 : 1), deck.numbers, config.lookupRounds, config.lookupRuns);
    log(`  Map peer: ${formatRate(viaMap.perSecond)} lookups/s`);
    const a2billing = await timeSql(peer, 'a2billing', deck, config);
    log(`  SQL peer (A2Billing LIKE): ${formatRate(a2billing.perSecond)} lookups/s`);
    const any = await timeSql(peer, 'any', deck, config);
    log(`  SQL peer (= ANY(prefixes)): ${formatRate(any.perSecond)} lookups/s`);
    const vs = (peerPerSecond: number) => formatRatio(engineRows.perSecond / peerPerSecond);
    const inMemory = `one core, ${formatRate(deck.numbers.length)} distinct 12-digit numbers (a random deck prefix, extended) × ${config.lookupRounds} rounds per run`;
    return [
      {
        id: 'rating-lookups-engine',
        label: `Engine lookups (findRate on the ${formatRate(deck.rows.length)}-prefix rate table)`,
        value: engineRows.perSecond,
        unit: 'lookups/s',
        runs: engineRows.perSecondRuns,
        method: `median of ${config.lookupRuns} runs`,
        target: { kind: 'min', value: 5_000_000, text: '≥ 5 000 000 lookups/s' },
        details: [
          `${inMemory}; findRate = the trie walk plus the row fetch (what pricing calls). The bare trie walk: ${formatRate(engine.perSecond)} lookups/s.`,
          `per CPU-second of the benchmark process (what one core to ourselves gives, independent of other load): findRate ${formatRate(engineRows.perCpuSecond)}, trie walk ${formatRate(engine.perCpuSecond)}, Map probes ${formatRate(viaMap.perCpuSecond)} lookups/s.`,
          `trie: ${formatRate(table.trie.nodeCount)} nodes, ${decimals(table.trie.byteLength / 1e6, 1)} MB.`,
          `vs SQL (A2Billing query): **${vs(a2billing.perSecond)}** (target ≥ 1 000×); vs SQL (= ANY rewrite): ${vs(any.perSecond)}; vs Map probes: ${vs(viaMap.perSecond)}.`,
        ],
      },
      {
        id: 'rating-lookups-sql-a2billing',
        label: "SQL peer: A2Billing query (`$1 LIKE prefix || '%' ORDER BY length(prefix) DESC LIMIT 1`)",
        value: a2billing.perSecond,
        unit: 'lookups/s',
        runs: [a2billing.perSecond],
        method: `one run of ${config.sqlRunMs / 1000} s after a 1 s warm-up`,
        target: { kind: 'max', value: engineRows.perSecond / 1_000, text: `engine ≥ 1 000× this (i.e. < ${formatRate(engineRows.perSecond / 1_000)}/s)` },
        details: [a2billing.details, `engine / this: ${vs(a2billing.perSecond)}.`],
      },
      {
        id: 'rating-lookups-sql-any',
        label: 'SQL peer: indexed rewrite (`prefix = ANY(all prefixes of the number)`)',
        value: any.perSecond,
        unit: 'lookups/s',
        runs: [any.perSecond],
        method: `one run of ${config.sqlRunMs / 1000} s after a 1 s warm-up`,
        details: [any.details, `engine / this: ${vs(any.perSecond)}.`],
      },
      {
        id: 'rating-lookups-map',
        label: 'Map peer: per-length Map<string> substring probes (CGRateS)',
        value: viaMap.perSecond,
        unit: 'lookups/s',
        runs: viaMap.perSecondRuns,
        method: `median of ${config.lookupRuns} runs`,
        details: [`${inMemory}; probes from min(length, longest prefix) down to 1 digit.`, `engine / this: ${vs(viaMap.perSecond)} (per CPU-second: ${formatRatio(engineRows.perCpuSecond / viaMap.perCpuSecond)}).`],
      },
    ];
  } finally {
    await peer.close();
    await database.drop();
  }
}
