// A deterministic 200 000-prefix deck shaped like real ones (the generator of
// libs/rating/domain/bench/trie.bench.ts: a country code, then area/operator digits of varying
// depth) and the numbers to rate: a deck prefix extended to 12 digits, so most walks go deep.
// No Math.random: runs are comparable. Rates are bigint micro-units.
import { formatMoney } from '@billing/money';
import type { RateRow } from '@billing/rating-domain';

/** xorshift32: a fixed sequence from a seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

export interface Deck {
  rows: RateRow[];
  /** full numbers (12 digits or the prefix when longer) to look up. */
  numbers: string[];
}

export function generateDeck(rowCount: number, numberCount: number, seed = 20_250_301): Deck {
  const next = generator(seed);
  const digits = (count: number): string => {
    let text = '';
    for (let i = 0; i < count; i += 1) text += String(next() % 10);
    return text;
  };
  const unique = new Set<string>();
  while (unique.size < rowCount) unique.add(`${1 + (next() % 99)}${digits(2 + (next() % 7))}`);
  const rows: RateRow[] = [...unique].map((prefix) => ({
    prefix,
    destination: `Destination ${prefix}`,
    connectFeeMicros: BigInt(next() % 4) * 10_000n,
    minimumSeconds: 0,
    intervals: [{ startSecond: 0, ratePerMinuteMicros: 5_000n + BigInt(next() % 200) * 1_000n, incrementSeconds: [1, 6, 60][next() % 3]! }],
  }));
  const numbers = Array.from({ length: numberCount }, () => {
    const prefix = rows[next() % rows.length]!.prefix;
    return prefix + digits(Math.max(0, 12 - prefix.length));
  });
  return { rows, numbers };
}

/** The deck as the CSV the rate-sheet import takes (docs/rating.md §7). */
export function* deckCsv(rows: readonly RateRow[], chunkRows = 5_000): Generator<string> {
  let chunk = 'prefix,destination,connect_fee,minimum_seconds,rate_per_minute,increment_seconds\n';
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const first = row.intervals[0]!;
    chunk += `${row.prefix},${row.destination},${formatMoney(row.connectFeeMicros)},${row.minimumSeconds},${formatMoney(first.ratePerMinuteMicros)},${first.incrementSeconds}\n`;
    if ((i + 1) % chunkRows === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
