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

describe('JSON codec', () => {
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
