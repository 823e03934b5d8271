import { decodeJson, encodeJson } from '@billing/event-store';
import fc from 'fast-check';
import { fastDecodeForTest } from '../experiments/fast-decode-read-all.js';
fc.assert(fc.property(fc.jsonValue(), fc.bigInt(), (v, b) => {
  const text = encodeJson({ v, b, nested: [{ x: b }] });
  const a = decodeJson(text); const c = fastDecodeForTest(text);
  return JSON.stringify(a, (_k, x) => typeof x === 'bigint' ? `${x}n` : x) === JSON.stringify(c, (_k, x) => typeof x === 'bigint' ? `${x}n` : x);
}), { numRuns: 2000 });
for (const t of ['{"\\u0024bigint":"12"}', '{"a":{"$bigint":"01"}}', '{"__proto__":{"$bigint":"5"}}']) {
  let r1: string, r2: string;
  try { r1 = String(JSON.stringify(decodeJson(t), (_k, x) => typeof x === 'bigint' ? `${x}n` : x)); } catch (e) { r1 = 'throws ' + (e as Error).name; }
  try { r2 = String(JSON.stringify(fastDecodeForTest(t), (_k, x) => typeof x === 'bigint' ? `${x}n` : x)); } catch (e) { r2 = 'throws ' + (e as Error).name; }
  console.log(t, r1, r2);
}
console.log('ok');
