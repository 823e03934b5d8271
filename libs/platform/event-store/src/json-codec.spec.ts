import fc from 'fast-check';
import { decodeJson, encodeJson, fromJsonValue, JsonCodecError, toJsonValue } from './json-codec.js';

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.bigInt(),
    fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (d === 0 ? 0 : d)),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string().filter((key) => key !== '$bigint' && key !== '__proto__'), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** The former decodeJson (a reviver on JSON.parse): the reference the in-place restore must match. */
function reviverDecode(text: string): unknown {
  return JSON.parse(text, (_key, parsed: unknown) => {
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return parsed;
    const keys = Object.keys(parsed);
    if (keys.length !== 1 || keys[0] !== '$bigint') return parsed;
    const digits = (parsed as Record<string, unknown>).$bigint;
    if (typeof digits !== 'string' || !/^-?(0|[1-9][0-9]*)$/.test(digits)) throw new JsonCodecError('malformed');
    return BigInt(digits);
  });
}

type Tree = { leaf: string } | { list: Tree[] } | { entries: [string, Tree][] };
/** JSON texts as any writer could store them: tags good and bad, tag-like keys, "__proto__", \u escapes. */
const jsonText: fc.Arbitrary<string> = fc
  .letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('-42', '01', '1e3', '0', '')).map((leaf) => ({ leaf: JSON.stringify(leaf) })),
      fc.array(tie('tree'), { maxLength: 4 }).map((list) => ({ list })),
      fc
        .array(fc.tuple(fc.oneof(fc.string(), fc.constantFrom('"$bigint"', '"$\\u0062igint"', '"__proto__"', '"x"')), tie('tree')), { maxLength: 3 })
        .map((entries) => ({ entries: entries.map(([key, tree]): [string, Tree] => [key.startsWith('"') ? key : JSON.stringify(key), tree]) })),
      fc.constantFrom('"7"', '"-0"', '"12345678901234567890"', '"1.5"', '7').map((digits) => ({ entries: [['"$bigint"', { leaf: digits }]] as [string, Tree][] })),
    ),
  }))
  .tree.map(function render(tree: Tree): string {
    if ('leaf' in tree) return tree.leaf;
    if ('list' in tree) return `[${tree.list.map(render).join(',')}]`;
    return `{${tree.entries.map(([key, item]) => `${key}:${render(item)}`).join(',')}}`;
  });

function outcome(decode: (text: string) => unknown, text: string): { value: unknown } | { error: string } {
  try {
    return { value: decode(text) };
  } catch (error) {
    return { error: error instanceof JsonCodecError ? 'JsonCodecError' : String(error) };
  }
}

describe('JSON codec', () => {
  test('decodes any JSON text exactly as the reviver did: same values, same refusals', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const expected = outcome(reviverDecode, text);
        const actual = outcome(decodeJson, text);
        expect(actual).toEqual(expected);
        if ('value' in actual && typeof actual.value === 'object' && actual.value !== null) expect(Object.getPrototypeOf(actual.value)).toBe(Array.isArray(actual.value) ? Array.prototype : Object.prototype);
      }),
      { numRuns: 1_000 },
    );
  });

  test('keeps an own "__proto__" key a plain property and restores a tag spelled with escapes', () => {
    const decoded = decodeJson<Record<string, unknown>>('{"__proto__":{"$bigint":"5"},"e":{"$\\u0062igint":"6"}}');
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toBe(5n);
    expect(decoded.e).toBe(6n);
  });

  test('reads jsonb’s rendering of an event (spaces, keys reordered) and refuses nesting deeper than the bound instead of overflowing the stack', () => {
    const text = '{"type": "CallCharged", "callId": "c-1", "agentId": null, "costMicros": {"$bigint": "12300"}, "balanceAfterMicros": {"$bigint": "-5"}}';
    expect(decodeJson(text)).toEqual({ type: 'CallCharged', callId: 'c-1', agentId: null, costMicros: 12_300n, balanceAfterMicros: -5n });
    expect(decodeJson('{"a": {"$bigint": "5", "b": 1}, "c": [{"$bigint": "-7"}]}')).toEqual({ a: { $bigint: '5', b: 1 }, c: [-7n] });
    for (const text of ['{"x": {"$bigint": "01"}}', '{"x": [{"$bigint": 5}]}', '{"x": {"y": {"$bigint": ""}}}']) expect(() => decodeJson(text)).toThrow(JsonCodecError);
    const deep = `${'['.repeat(300)}{"$bigint": "1"}${']'.repeat(300)}`;
    expect(() => decodeJson(deep)).toThrow(JsonCodecError);
  });

  test('round-trips any JSON-shaped value with bigints exactly (text and structural forms)', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(decodeJson(encodeJson(input))).toEqual(input);
        expect(fromJsonValue(toJsonValue(input))).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });

  test('writes a bigint as a tagged decimal string, never a JSON number', () => {
    expect(encodeJson({ amountMicros: 12_500_000n, list: [-1n] })).toBe('{"amountMicros":{"$bigint":"12500000"},"list":[{"$bigint":"-1"}]}');
    expect(toJsonValue(2n ** 64n)).toEqual({ $bigint: '18446744073709551616' });
  });

  test('reads a tag only when it is the single key with a canonical integer', () => {
    expect(decodeJson('{"$bigint":"-42"}')).toBe(-42n);
    expect(decodeJson('{"$bigint":"1","x":1}')).toEqual({ $bigint: '1', x: 1 });
    for (const bad of ['"01"', '"1.5"', '"1e3"', '" 1"', '1', '"-0x1"']) {
      expect(() => decodeJson(`{"$bigint":${bad}}`)).toThrow(JsonCodecError);
    }
  });

  test('refuses what plain JSON would silently change', () => {
    expect(() => encodeJson({ a: Number.NaN })).toThrow('non-finite number at "a"');
    expect(() => encodeJson({ a: Number.POSITIVE_INFINITY })).toThrow(JsonCodecError);
    expect(() => encodeJson({ m: new Map([[1, 2]]) })).toThrow('Map at "m"');
    expect(() => encodeJson({ s: new Set([1]) })).toThrow('Set at "s"');
    expect(() => encodeJson({ f: () => 1 })).toThrow('function at "f"');
    expect(() => encodeJson({ inner: { $bigint: '1' } })).toThrow('reserved key "$bigint"');
    expect(() => encodeJson(undefined)).toThrow('no JSON representation');
  });

  test('keeps what JSON.stringify defines: dates as ISO strings, undefined properties dropped', () => {
    expect(decodeJson(encodeJson({ at: new Date('2026-01-02T03:04:05.000Z'), gone: undefined }))).toEqual({ at: '2026-01-02T03:04:05.000Z' });
  });
});
