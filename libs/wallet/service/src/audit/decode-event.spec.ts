// The audit's decoder against the event store's codec: the same value for any text encodeJson
// writes, the same refusals for malformed tags.
import { decodeJson, encodeJson, JsonCodecError } from '@billing/event-store';
import fc from 'fast-check';
import { decodeEvent } from './decode-event.js';

const leaf = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.bigInt());
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('amountMicros', 'bigint', '$big')), tie('value'), { maxKeys: 4 }),
  ),
}));

describe('decodeEvent (the audit’s decoder)', () => {
  it('decodes whatever encodeJson wrote exactly as decodeJson does', () => {
    fc.assert(
      fc.property(value, (input) => {
        const text = encodeJson(input);
        expect(decodeEvent(text)).toEqual(decodeJson(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads jsonb’s rendering of a wallet event (spaces, keys reordered)', () => {
    const text = '{"type": "CallCharged", "callId": "c-1", "agentId": null, "costMicros": {"$bigint": "12300"}, "balanceAfterMicros": {"$bigint": "-5"}}';
    expect(decodeEvent(text)).toEqual({ type: 'CallCharged', callId: 'c-1', agentId: null, costMicros: 12_300n, balanceAfterMicros: -5n });
  });

  it('takes only a lone tag with canonical digits as a bigint, and refuses a malformed one', () => {
    expect(decodeEvent('{"a": {"$bigint": "5", "b": 1}, "c": [{"$bigint": "-7"}]}')).toEqual({ a: { $bigint: '5', b: 1 }, c: [-7n] });
    expect(decodeEvent('{"$bigint": "42"}')).toBe(42n);
    for (const text of ['{"x": {"$bigint": "01"}}', '{"x": [{"$bigint": 5}]}', '{"$bigint": "1.5"}', '{"x": {"y": {"$bigint": ""}}}']) {
      expect(() => decodeJson(text)).toThrow(JsonCodecError);
      expect(() => decodeEvent(text)).toThrow(JsonCodecError);
    }
  });

  it('keeps an own "__proto__" key a plain property', () => {
    const decoded = decodeEvent('{"__proto__": {"$bigint": "5"}, "n": {"__proto__": {"polluted": true}}}') as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toBe(5n);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than the codec’s bound instead of overflowing the stack', () => {
    const deep = `${'['.repeat(300)}{"$bigint": "1"}${']'.repeat(300)}`;
    expect(() => decodeEvent(deep)).toThrow(JsonCodecError);
  });
});
