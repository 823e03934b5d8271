// A deterministic CSV deck produced chunk by chunk (never one string), for import specs and benches.
export const DECK_HEADER = 'prefix,destination,connect_fee,minimum_seconds,rate_per_minute,increment_seconds,interval2_start_second,interval2_rate_per_minute,interval2_increment_seconds\n';

/** Row n (0-based) of the deck: unique prefixes, half the rows with a second interval. */
export function deckLine(n: number): string {
  const prefix = String(10_000 + n * 7);
  const rate = `0.${String(1000 + (n % 9000)).padStart(4, '0')}`;
  return n % 2 === 0 ? `${prefix},Destination ${n},0,0,${rate},60,,,\n` : `${prefix},"Destination ${n}, mobile",0.01,30,${rate},60,60,0.005,1\n`;
}

/** The deck as chunks of about `chunkChars`, split at arbitrary points (mid-line, mid-field). */
export function* deckChunks(rows: number, chunkChars: number, lineOf: (n: number) => string = deckLine): Generator<string> {
  let pending = DECK_HEADER;
  for (let n = 0; n < rows; n += 1) {
    pending += lineOf(n);
    while (pending.length >= chunkChars) {
      yield pending.slice(0, chunkChars);
      pending = pending.slice(chunkChars);
    }
  }
  if (pending !== '') yield pending;
}
