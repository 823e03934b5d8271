// Deterministic rate decks for tests and the benchmark: realistic nesting (country codes, then
// longer and longer prefixes below them), unique prefixes, produced as CSV chunks (never one
// string) or as rows.
export const DECK_HEADER = 'prefix,destination,connect_fee,minimum_seconds,rate_per_minute,increment_seconds,interval2_start_second,interval2_rate_per_minute,interval2_increment_seconds\n';

const COUNTRY_CODES = [
  '1', '7', '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58',
  '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98', '212', '213', '216', '218', '220', '221', '223', '225',
  '229', '233', '234', '237', '243', '244', '249', '251', '254', '255', '256', '260', '263', '351', '352', '353', '354', '355', '356', '357', '358', '359', '370',
  '371', '372', '373', '374', '375', '380', '381', '385', '386', '387', '420', '421', '852', '853', '855', '880', '886', '960', '961', '962', '963', '964', '965',
  '966', '967', '968', '971', '972', '973', '974', '975', '976', '977', '992', '993', '994', '995', '996', '998',
];

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` unique prefixes: every country code, then country code + 1..7 more digits. */
export function deckPrefixes(count: number, seed = 42): string[] {
  const random = prng(seed);
  const seen = new Set<string>();
  const prefixes: string[] = [];
  for (const code of COUNTRY_CODES) {
    if (prefixes.length >= count) break;
    seen.add(code);
    prefixes.push(code);
  }
  while (prefixes.length < count) {
    const code = COUNTRY_CODES[Math.floor(random() * COUNTRY_CODES.length)]!;
    const extra = 1 + Math.floor(random() * 7);
    let prefix = code;
    for (let i = 0; i < extra; i += 1) prefix += String(Math.floor(random() * 10));
    if (prefix.length > 16 || seen.has(prefix)) continue;
    seen.add(prefix);
    prefixes.push(prefix);
  }
  return prefixes;
}

/** Row n of a deck over `prefixes`: half with one interval, half with a second one. */
export function deckLine(prefixes: readonly string[], n: number): string {
  const prefix = prefixes[n]!;
  const rate = `0.${String(100 + (n % 900)).padStart(4, '0')}`;
  return n % 2 === 0 ? `${prefix},Destination ${n},0,0,${rate},60,,,\n` : `${prefix},"Destination ${n}, mobile",0.01,30,${rate},60,60,0.005,1\n`;
}

/** The deck as chunks of about `chunkChars` characters, cut anywhere (mid-line, mid-field). */
export function* deckChunks(prefixes: readonly string[], chunkChars = 64 * 1024, lineOf: (n: number) => string = (n) => deckLine(prefixes, n)): Generator<string> {
  let pending = DECK_HEADER;
  for (let n = 0; n < prefixes.length; n += 1) {
    pending += lineOf(n);
    if (pending.length >= chunkChars) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** A number dialled to `prefix` (extended with digits to a 12-digit number). */
export function numberFor(prefix: string, random: () => number): string {
  let number = prefix;
  while (number.length < 12) number += String(Math.floor(random() * 10));
  return number;
}
