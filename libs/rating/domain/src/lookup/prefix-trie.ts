// Longest-prefix match for rate decks (docs/rating.md: 50k–200k prefixes, ~5 M lookups/s, built once
// per sheet version and swapped in atomically; never a SQL LIKE per call).
//
// Layout: a digit trie in one Int32Array, two words per node, so a step of the walk reads one
// cache line (the walk is a chain of dependent loads; three parallel arrays cost three lines):
//   records[2n]     bits 0..9: child mask (bit d ⇔ a child for digit d);
//                   bits 10..30: 1 + the row of the longest prefix ending at n or above it (0: none).
//                   Inherited at build time, so the walk keeps no "last match" and answers from
//                   the node where it stops.
//   records[2n + 1] n's first child; children are contiguous, in digit order, so the child for d
//                   is firstChild + popcount(mask & ((1 << d) − 1)). 8 bytes per node where a
//                   children[node × 10] table takes 40 (and measured slower: it does not stay in cache).
// plus jump[head] for every 4-digit head: the record of the node at depth 4 on that path or, when
// the path ends above depth 4, −2 − the answer. Numbers of ≥ 4 digits skip the top 4 steps.
// Built by a most-significant-digit radix partition (one counting pass per node, children
// allocated as one block per node): O(total digits), no comparison sort, no per-node objects.
import { invariant, InvariantViolation } from '@billing/decider';
import { MAX_DECK_ROWS, MAX_PREFIX_DIGITS } from '../shared/limits.js';
import { isPrefix } from '../sheet/rate-row.js';

const DIGIT_ZERO = 48;
const NO_ROW = -1;
const ROW_SHIFT = 10;
const JUMP_DIGITS = 4;
const JUMP_HEADS = 10 ** JUMP_DIGITS;
// 1 + row must fit in bits 10..30, so words stay non-negative int32 values.
invariant(MAX_DECK_ROWS + 1 < 2 ** (31 - ROW_SHIFT), 'the deck bound must fit the trie record');

/** popcount of every 10-bit mask. */
const POPCOUNT = (() => {
  const table = new Uint8Array(1 << 10);
  for (let mask = 1; mask < table.length; mask += 1) table[mask] = (table[mask >> 1] ?? 0) + (mask & 1);
  return table;
})();

export class PrefixTrie {
  private constructor(
    private readonly records: Int32Array,
    private readonly jump: Int32Array,
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
      records: new Int32Array(2 * capacity),
      used: 1,
    };
    fill(builder, 0, 0, prefixes.length, 0, NO_ROW);
    const records = builder.records.slice(0, 2 * builder.used);
    const jump = new Int32Array(JUMP_HEADS);
    fillJump(records, jump, 0, 0, 0);
    return new PrefixTrie(records, jump, prefixes.length);
  }

  /** The index of the row with the longest prefix of `digits`, or −1. `digits` is a normalised number. */
  lookup(digits: string): number {
    const { records, jump } = this;
    const length = digits.length < MAX_PREFIX_DIGITS ? digits.length : MAX_PREFIX_DIGITS;
    let at = 0; // record offset (2 × node) of the node reached
    let i = 0;
    if (length >= JUMP_DIGITS) {
      let head = 0;
      for (; i < JUMP_DIGITS; i += 1) {
        const digit = digits.charCodeAt(i) - DIGIT_ZERO;
        if (digit >>> 0 > 9) break;
        head = head * 10 + digit;
      }
      if (i === JUMP_DIGITS) {
        const entry = jump[head] as number;
        if (entry < 0) return -2 - entry;
        at = entry;
      } else i = 0; // a non-digit within the head: the walk from the root stops at it
    }
    let word = records[at] as number;
    for (; i < length; i += 1) {
      const digit = digits.charCodeAt(i) - DIGIT_ZERO;
      // a non-digit ends the walk (callers pass normalised numbers; this keeps the lookup total);
      // one unsigned compare covers both < 0 and > 9
      if (digit >>> 0 > 9) break;
      const bit = 1 << digit; // ≤ bit 9: tests and masks only the child bits of the word
      if ((word & bit) === 0) break;
      at = ((records[at + 1] as number) + (POPCOUNT[word & (bit - 1)] as number)) << 1;
      word = records[at] as number;
    }
    return (word >>> ROW_SHIFT) - 1;
  }

  get nodeCount(): number {
    return this.records.length / 2;
  }

  /** Memory held by the typed arrays. */
  get byteLength(): number {
    return this.records.byteLength + this.jump.byteLength;
  }
}

interface Builder {
  readonly prefixes: readonly string[];
  /** row indices, partitioned in place so that every subtree is a contiguous run. */
  readonly order: Int32Array;
  readonly scratch: Int32Array;
  /** per depth: where each bucket's run ends (bucket 0 = prefixes ending at this depth, 1 + d = next digit d). */
  readonly bucketEnds: Int32Array;
  readonly records: Int32Array;
  used: number;
}

const BUCKETS = 11;

/**
 * Fills `node` from the run order[lo, hi), whose prefixes all share their first `depth` digits
 * and whose nearest matching ancestor is `inheritedRow`: partitions the run by the digit at
 * `depth`, allocates one child per non-empty digit bucket as a contiguous block, and recurses.
 * Recursion depth ≤ 16 (one level per prefix digit); each depth has its own slice of bucketEnds,
 * so siblings never clobber their parent's partition.
 */
function fill(builder: Builder, node: number, lo: number, hi: number, depth: number, inheritedRow: number): void {
  invariant(depth <= MAX_PREFIX_DIGITS, 'trie deeper than the longest prefix');
  const { prefixes, order, scratch, bucketEnds, records } = builder;
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
  const row = endingHere === 1 ? (order[lo] as number) : inheritedRow;
  let mask = 0;
  let children = 0;
  for (let bucket = 1; bucket < BUCKETS; bucket += 1) {
    if (runEnd(bucketEnds, base, bucket, hi) === (bucketEnds[base + bucket] as number)) continue;
    mask |= 1 << (bucket - 1);
    children += 1;
  }
  records[2 * node] = mask | ((row + 1) << ROW_SHIFT);
  if (children === 0) return;
  const first = builder.used;
  builder.used += children;
  invariant(2 * builder.used <= records.length, 'trie capacity exceeded');
  records[2 * node + 1] = first;
  let child = first;
  for (let bucket = 1; bucket < BUCKETS; bucket += 1) {
    const runStart = bucketEnds[base + bucket] as number;
    const runStop = runEnd(bucketEnds, base, bucket, hi);
    if (runStop === runStart) continue;
    fill(builder, child, runStart, runStop, depth + 1, row);
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

/**
 * jump[] for the heads that begin with the `depth` digits of `head`, `node` being where they lead:
 * a depth-4 node's record offset, or −2 − row where the path ends sooner (row = the answer there).
 */
function fillJump(records: Int32Array, jump: Int32Array, node: number, depth: number, head: number): void {
  if (depth === JUMP_DIGITS) {
    jump[head] = 2 * node;
    return;
  }
  const word = records[2 * node] as number;
  const span = 10 ** (JUMP_DIGITS - depth - 1);
  let child = records[2 * node + 1] as number;
  for (let digit = 0; digit < 10; digit += 1) {
    const next = head * 10 + digit;
    if ((word & (1 << digit)) === 0) {
      jump.fill(-2 - ((word >>> ROW_SHIFT) - 1), next * span, (next + 1) * span);
      continue;
    }
    fillJump(records, jump, child, depth + 1, next);
    child += 1;
  }
}

/** The prefix that ends at `depth` in order[lo, hi), for the duplicate message. */
function firstEnding(builder: Builder, lo: number, hi: number, depth: number): string {
  for (let i = lo; i < hi; i += 1) {
    const prefix = builder.prefixes[builder.order[i] as number] as string;
    if (prefix.length === depth) return prefix;
  }
  return '';
}
