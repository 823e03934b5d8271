// Micro-benchmark of the rate-deck lookup (docs/rating.md target: ~5 M lookups/s on one core).
//   node tools/run-ts.mjs libs/rating/domain/bench/trie.bench.ts [rows=200000] [lookups=200000]
// A deterministic generator (no Math.random: runs are comparable) builds a deck shaped like real
// ones: country codes, then area/operator codes of varying depth, 200 000 unique prefixes.
import { PrefixTrie } from '../src/lookup/prefix-trie.js';

const rowCount = Number(process.argv[2] ?? 200_000);
const lookupCount = Number(process.argv[3] ?? 200_000);

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

const next = generator(20_250_301);
const digits = (count: number) => {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(next() % 10);
  return text;
};

const unique = new Set<string>();
while (unique.size < rowCount) unique.add(`${1 + (next() % 99)}${digits(2 + (next() % 7))}`);
const prefixes = [...unique];
// Numbers to look up: a random deck prefix extended to a full 12-digit number, so most walks go deep.
const numbers = Array.from({ length: lookupCount }, () => {
  const prefix = prefixes[next() % prefixes.length] as string;
  return prefix + digits(Math.max(0, 12 - prefix.length));
});

const buildStarted = process.hrtime.bigint();
const trie = PrefixTrie.build(prefixes);
const buildMs = Number(process.hrtime.bigint() - buildStarted) / 1e6;

let checksum = 0;
const run = () => {
  for (let i = 0; i < numbers.length; i += 1) checksum += trie.lookup(numbers[i] as string);
};
for (let warm = 0; warm < 5; warm += 1) run(); // let the JIT settle
const rounds = 20;
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
for (let round = 0; round < rounds; round += 1) run();
const cpu = process.cpuUsage(cpuStarted);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const perSecond = Math.round((rounds * numbers.length) / seconds);
// per CPU-second of this process: what one core to ourselves gives, whatever else the machine runs
const perCpuSecond = Math.round((rounds * numbers.length * 1e6) / (cpu.user + cpu.system));

// timings, not money: Intl formatting keeps the lint's float guard meaningful
const decimal = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits, useGrouping: false });
console.log(`prefix trie: ${prefixes.length} prefixes, ${trie.nodeCount} nodes, ${decimal(1).format(trie.byteLength / 1e6)} MB, built in ${decimal(0).format(buildMs)} ms`);
console.log(`lookups: ${decimal(2).format(perSecond / 1e6)} M/s (${decimal(2).format(perCpuSecond / 1e6)} M per CPU-second) over ${numbers.length} random numbers × ${rounds} (checksum ${checksum})`);
