// JSON that keeps bigint exact (docs/ARCHITECTURE.md, Money: money is bigint micro-units, never a float).
//
// Wire/storage form: a bigint is written as the tagged object {"$bigint":"<decimal digits>"}.
//   encodeJson({ amountMicros: 12_500_000n }) === '{"amountMicros":{"$bigint":"12500000"}}'
// An object is read back as a bigint only when it has exactly that one key and a canonical
// integer string, so the form survives jsonb (which reorders keys but keeps strings verbatim)
// and any JSON tool in between. Used for event data, metadata, snapshots (both adapters) and
// is meant for Kafka payloads too: one codec, so a value means the same everywhere.
//
// Strict on purpose: values that JSON.stringify would silently change (NaN → null, Map → {},
// a domain object that already has a "$bigint" key) throw instead of corrupting the log.

export const BIGINT_TAG = '$bigint';

/** A value as JSON.parse returns it: what the codec produces and consumes structurally. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Nesting bound for the structural decoder (JSON.parse itself has no such limit). */
export const MAX_JSON_DEPTH = 256;

const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

export class JsonCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonCodecError';
  }
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return { [BIGINT_TAG]: value.toString() };
    case 'number':
      if (!Number.isFinite(value)) throw new JsonCodecError(`non-finite number at "${key}" cannot be stored as JSON`);
      return value;
    case 'function':
    case 'symbol':
      throw new JsonCodecError(`${typeof value} at "${key}" cannot be stored as JSON`);
    case 'object':
      if (value === null || Array.isArray(value)) return value;
      if (value instanceof Map || value instanceof Set) {
        throw new JsonCodecError(`${value.constructor.name} at "${key}" would be stored as {}: convert it to an array or object first`);
      }
      if (Object.prototype.hasOwnProperty.call(value, BIGINT_TAG)) {
        throw new JsonCodecError(`object at "${key}" has the reserved key "${BIGINT_TAG}"`);
      }
      return value;
    default:
      return value;
  }
}

/** The bigint of a `{"$bigint":"digits"}` object; undefined for any other object. */
function asTaggedBigint(value: object): bigint | undefined {
  // the own-key test first: only tagged objects pay for a key list
  if (!Object.prototype.hasOwnProperty.call(value, BIGINT_TAG)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== BIGINT_TAG) return undefined;
  const digits = (value as Record<string, unknown>)[BIGINT_TAG];
  if (typeof digits !== 'string' || !CANONICAL_INTEGER.test(digits)) {
    throw new JsonCodecError(`malformed ${BIGINT_TAG} value ${JSON.stringify(digits)}`);
  }
  return BigInt(digits);
}

/**
 * decodeJson's second step, in place on a value JSON.parse has just made (nothing else holds it):
 * every tagged object → its bigint, nesting bounded like fromJsonValue's. No key arrays: for…in on
 * a parsed object visits own keys only (Object.prototype has no enumerable ones). An own
 * "__proto__" key (JSON.parse makes one) is an ordinary data property, so assigning it sets the
 * property, not the prototype.
 */
function restoreTags(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return restoreInArray(value, 0);
  return asTaggedBigint(value) ?? restoreInObject(value as Record<string, unknown>, 0);
}

function restoreInObject(record: Record<string, unknown>, depth: number): Record<string, unknown> {
  if (depth > MAX_JSON_DEPTH) throw new JsonCodecError(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
  for (const key in record) {
    const value = record[key];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) restoreInArray(value, depth + 1);
    else record[key] = asTaggedBigint(value) ?? restoreInObject(value as Record<string, unknown>, depth + 1);
  }
  return record;
}

function restoreInArray(items: unknown[], depth: number): unknown[] {
  if (depth > MAX_JSON_DEPTH) throw new JsonCodecError(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
  for (let index = 0; index < items.length; index += 1) {
    const value = items[index];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) restoreInArray(value, depth + 1);
    else items[index] = asTaggedBigint(value) ?? restoreInObject(value as Record<string, unknown>, depth + 1);
  }
  return items;
}

/** Serialises to JSON text; every bigint becomes {"$bigint":"…"}. Throws JsonCodecError on lossy input. */
export function encodeJson(value: unknown): string {
  const text = JSON.stringify(value, replacer);
  // JSON.stringify returns undefined for a top-level undefined/function: nothing we could store.
  if (text === undefined) throw new JsonCodecError('value has no JSON representation (undefined)');
  return text;
}

/**
 * Parses JSON text written by encodeJson; tagged bigints come back as bigint. JSON.parse without a
 * reviver (V8's reviver path costs ~4× the parse: it is most of readAll's CPU), then the tags are
 * restored in place, and only when the text can hold one: a tag is spelled `bigint` or uses a \u
 * escape (no other JSON escape makes a letter or `$`).
 */
export function decodeJson<T = unknown>(text: string): T {
  const value: unknown = JSON.parse(text);
  return (text.includes('bigint') || text.includes('\\u') ? restoreTags(value) : value) as T;
}

/** The JSON structure encodeJson would write, for APIs that take objects (EventStoreDB, zod, kafka serialisers). */
export function toJsonValue(value: unknown): JsonValue {
  return JSON.parse(encodeJson(value)) as JsonValue;
}

/** The inverse of toJsonValue: a parsed JSON structure with tagged bigints restored. */
export function fromJsonValue<T = unknown>(value: unknown, depth = 0): T {
  if (depth > MAX_JSON_DEPTH) throw new JsonCodecError(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
  if (typeof value !== 'object' || value === null) return value as T;
  if (Array.isArray(value)) return value.map((item) => fromJsonValue(item, depth + 1)) as T;
  const tagged = asTaggedBigint(value);
  if (tagged !== undefined) return tagged as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = fromJsonValue(item, depth + 1);
  return out as T;
}

/** The codec as one value, for injection (`{ encode, decode }`). */
export const jsonCodec = Object.freeze({ encode: encodeJson, decode: decodeJson, toJsonValue, fromJsonValue });
