// Longest-prefix match for rate decks (DESIGN §4: 50k–200k prefixes, ~5 M lookups/s, built once
// per sheet version and swapped in atomically; never a SQL LIKE per call).
//
// Layout: a digit trie in three flat typed arrays, 10 bytes per node instead of the 44 of a
// children[node × 10] table (a 200k deck of long, sparse prefixes stays in tens of MB):
//   mask[node]       Uint16: bit d set ⇔ the node has a child for digit d
//   firstChild[node] Int32:  index of its first child; the children are contiguous, in digit order,
//                            so the child for d is firstChild + popcount(mask & ((1 << d) − 1))
//   rowAt[node]      Int32:  the row whose prefix ends here, or −1
// Built by a most-significant-digit radix partition (one counting pass per node, children
// allocated as one block per node): O(total digits), no comparison sort, no per-node objects.
import { invariant, InvariantViolation } from '@billing/decider';
import { MAX_DECK_ROWS, MAX_PREFIX_DIGITS } from '../shared/limits.js';
import { isPrefix } from '../sheet/rate-row.js';

const DIGIT_ZERO = 48;
const NO_ROW = -1;

/** popcount of every 10-bit mask. */
const POPCOUNT = (() => {
  const table = new Uint8Array(1 << 10);
  for (let mask = 1; mask < table.length; mask += 1) table[mask] = (table[mask >> 1] ?? 0) + (mask & 1);
  return table;
})();

export class PrefixTrie {
  private constructor(
    private readonly mask: Uint16Array,
    private readonly firstChild: Int32Array,
    private readonly rowAt: Int32Array,
    /** number of prefixes (rows) indexed. */
    readonly size: number,
  ) {}

  /**
   * Builds the trie of `prefixes`; a lookup answers the index into this array. Prefixes must be
   * 1..16 digits and unique (the importer reports duplicates with their lines before this point).
   */
  static build(prefixes: readonly string[]): PrefixTrie {
    invariant(prefixes.length <= MAX_DECK_ROWS, `at most ${MAX_DECK_ROWS} prefixes, got ${prefixes.length}`);
    let digitCount = 0;
    for (const prefix of prefixes) {
      invariant(isPrefix(prefix), `a trie prefix must be 1..${MAX_PREFIX_DIGITS} digits, got "${prefix}"`);
      digitCount += prefix.length;
    }
    // Upper bound: a root plus one node per digit; trimmed to the real count at the end.
    const capacity = digitCount + 1;
    const builder: Builder = {
      prefixes,
      order: Int32Array.from(prefixes.keys()),
      scratch: new Int32Array(prefixes.length),
      bucketEnds: new Int32Array((MAX_PREFIX_DIGITS + 1) * BUCKETS),
      mask: new Uint16Array(capacity),
      firstChild: new Int32Array(capacity),
      rowAt: new Int32Array(capacity).fill(NO_ROW),
      used: 1,
    };
    fill(builder, 0, 0, prefixes.length, 0);
    const used = builder.used;
    return new PrefixTrie(builder.mask.slice(0, used), builder.firstChild.slice(0, used), builder.rowAt.slice(0, used), prefixes.length);
  }

  /** The index of the row with the longest prefix of `digits`, or −1. `digits` is a normalised number. */
  lookup(digits: string): number {
    const { mask, firstChild, rowAt } = this;
    let node = 0;
    let best = NO_ROW;
    const length = digits.length < MAX_PREFIX_DIGITS ? digits.length : MAX_PREFIX_DIGITS;
    for (let i = 0; i < length; i += 1) {
      const digit = digits.charCodeAt(i) - DIGIT_ZERO;
      // a non-digit ends the walk (callers pass normalised numbers; this keeps the lookup total);
      // one unsigned compare covers both < 0 and > 9
      if (digit >>> 0 > 9) break;
      const bits = mask[node] as number;
      const bit = 1 << digit;
      if ((bits & bit) === 0) break;
      node = (firstChild[node] as number) + (POPCOUNT[bits & (bit - 1)] as number);
      const row = rowAt[node] as number;
      if (row !== NO_ROW) best = row;
    }
    return best;
  }

  get nodeCount(): number {
    return this.mask.length;
  }

  /** Memory held by the typed arrays. */
  get byteLength(): number {
    return this.mask.byteLength + this.firstChild.byteLength + this.rowAt.byteLength;
  }
}

interface Builder {
  readonly prefixes: readonly string[];
  /** row indices, partitioned in place so that every subtree is a contiguous run. */
  readonly order: Int32Array;
  readonly scratch: Int32Array;
  /** per depth: where each bucket's run ends (bucket 0 = prefixes ending at this depth, 1 + d = next digit d). */
  readonly bucketEnds: Int32Array;
  readonly mask: Uint16Array;
  readonly firstChild: Int32Array;
  readonly rowAt: Int32Array;
  used: number;
}

const BUCKETS = 11;

/**
 * Fills `node` from the run order[lo, hi), whose prefixes all share their first `depth` digits:
 * partitions the run by the digit at `depth`, allocates one child per non-empty digit bucket as a
 * contiguous block, and recurses. Recursion depth ≤ 16 (one level per prefix digit); each depth
 * has its own slice of bucketEnds, so siblings never clobber their parent's partition.
 */
function fill(builder: Builder, node: number, lo: number, hi: number, depth: number): void {
  invariant(depth <= MAX_PREFIX_DIGITS, 'trie deeper than the longest prefix');
  const { prefixes, order, scratch, bucketEnds } = builder;
  const base = depth * BUCKETS;
  bucketEnds.fill(0, base, base + BUCKETS);
  for (let i = lo; i < hi; i += 1) {
    const slot = base + bucketOf(prefixes[order[i] as number] as string, depth);
    bucketEnds[slot] = (bucketEnds[slot] as number) + 1;
  }
  const endingHere = bucketEnds[base] as number;
  // Message built only on failure: this runs once per node.
  if (endingHere > 1) throw new InvariantViolation(`duplicate prefix "${firstEnding(builder, lo, hi, depth)}"`);
  // counts → run ends, then scatter (stable) through scratch
  let end = lo;
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
    end += bucketEnds[base + bucket] as number;
    bucketEnds[base + bucket] = end;
  }
  for (let i = hi - 1; i >= lo; i -= 1) {
    const row = order[i] as number;
    const slot = base + bucketOf(prefixes[row] as string, depth);
    const position = (bucketEnds[slot] as number) - 1;
    bucketEnds[slot] = position;
    scratch[position] = row;
  }
  order.set(scratch.subarray(lo, hi), lo);
  // bucketEnds now holds each bucket's start; a bucket's end is the next bucket's start (or hi).
  if (endingHere === 1) builder.rowAt[node] = order[lo] as number;
  let children = 0;
  for (let bucket = 1; bucket < BUCKETS; bucket += 1) if (runEnd(bucketEnds, base, bucket, hi) > (bucketEnds[base + bucket] as number)) children += 1;
  if (children === 0) return;
  const first = builder.used;
  builder.used += children;
  invariant(builder.used <= builder.mask.length, 'trie capacity exceeded');
  builder.firstChild[node] = first;
  let child = first;
  for (let bucket = 1; bucket < BUCKETS; bucket += 1) {
    const runStart = bucketEnds[base + bucket] as number;
    const runStop = runEnd(bucketEnds, base, bucket, hi);
    if (runStop === runStart) continue;
    builder.mask[node] = (builder.mask[node] as number) | (1 << (bucket - 1));
    fill(builder, child, runStart, runStop, depth + 1);
    child += 1;
  }
}

/** 0 when the prefix ends at `depth`, else 1 + its digit there. */
function bucketOf(prefix: string, depth: number): number {
  return prefix.length === depth ? 0 : prefix.charCodeAt(depth) - DIGIT_ZERO + 1;
}

function runEnd(bucketStarts: Int32Array, base: number, bucket: number, hi: number): number {
  return bucket + 1 < BUCKETS ? (bucketStarts[base + bucket + 1] as number) : hi;
}

/** The prefix that ends at `depth` in order[lo, hi), for the duplicate message. */
function firstEnding(builder: Builder, lo: number, hi: number, depth: number): string {
  for (let i = lo; i < hi; i += 1) {
    const prefix = builder.prefixes[builder.order[i] as number] as string;
    if (prefix.length === depth) return prefix;
  }
  return '';
}
