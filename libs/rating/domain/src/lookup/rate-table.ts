// What the service keeps in memory per sheet version and swaps in atomically: the rows, the
// prefix trie over them and the rounding. A derived sheet's table shares its base version's trie
// (same prefixes, same order) and carries the marked-up rows, so deriving at build time costs one
// pass over the rows and no second trie.
import { invariant } from '@billing/decider';
import { deriveRow } from '../engine/derive-row.js';
import type { RateRow, SheetRounding } from '../sheet/rate-row.js';
import { PrefixTrie } from './prefix-trie.js';

export interface RateTable {
  readonly rows: readonly RateRow[];
  readonly trie: PrefixTrie;
  readonly rounding: SheetRounding;
}

export function buildRateTable(rows: readonly RateRow[], rounding: SheetRounding): RateTable {
  return { rows, trie: PrefixTrie.build(rows.map((row) => row.prefix)), rounding };
}

/** The derived sheet's table over a base version: base × (1 + markup), rounded up per rate. */
export function deriveRateTable(base: RateTable, markupMicroPercent: bigint): RateTable {
  return { rows: base.rows.map((row) => deriveRow(row, markupMicroPercent)), trie: base.trie, rounding: base.rounding };
}

/** The row with the longest prefix of a normalised number, or null (an unrated call: no_rate). */
export function findRate(table: RateTable, destinationDigits: string): RateRow | null {
  const index = table.trie.lookup(destinationDigits);
  if (index === -1) return null;
  const row = table.rows[index];
  // the message is built only on failure: this is the hot path of every call
  if (row === undefined) invariant(false, `trie answered row ${index} of ${table.rows.length}`);
  return row;
}
