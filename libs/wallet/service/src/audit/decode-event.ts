// Event data text → a wallet event, for the audit: the event-store codec's decodeJson, cheaper.
// JSON.parse without a reviver (V8's reviver path costs ~4× the parse), then tagged
// `{"$bigint":"…"}` objects → bigint in place (the codec's fromJsonValue would copy every object;
// the audit reads millions). Same rules as the codec: only an object whose one own key is the tag,
// with a canonical integer, and a malformed tag is a JsonCodecError. decode-event.spec.ts checks it
// against decodeJson.
import { BIGINT_TAG, JsonCodecError, MAX_JSON_DEPTH } from '@billing/event-store';
import type { WalletEvent } from '@billing/wallet-domain';

const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** Decodes one event's data as stored (encodeJson's text, or jsonb's rendering of it). */
export function decodeEvent(text: string): WalletEvent {
  return restored(JSON.parse(text)) as WalletEvent;
}

function restored(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return restoreInArray(value, 0);
  return tagged(value as Record<string, unknown>) ?? restoreInObject(value as Record<string, unknown>, 0);
}

/**
 * Replaces tagged values among the properties of `record`. for…in allocates no key array; a parsed
 * object's prototype is Object.prototype, which has no enumerable keys, so it visits own keys only.
 */
function restoreInObject(record: Record<string, unknown>, depth: number): Record<string, unknown> {
  if (depth > MAX_JSON_DEPTH) throw new JsonCodecError(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
  for (const key in record) {
    const value = record[key];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      restoreInArray(value, depth + 1);
      continue;
    }
    // an own "__proto__" key (JSON.parse makes one) is an ordinary data property: this sets it, not the prototype
    record[key] = tagged(value as Record<string, unknown>) ?? restoreInObject(value as Record<string, unknown>, depth + 1);
  }
  return record;
}

function restoreInArray(items: unknown[], depth: number): unknown[] {
  if (depth > MAX_JSON_DEPTH) throw new JsonCodecError(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
  for (let index = 0; index < items.length; index += 1) {
    const value = items[index];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) restoreInArray(value, depth + 1);
    else items[index] = tagged(value as Record<string, unknown>) ?? restoreInObject(value as Record<string, unknown>, depth + 1);
  }
  return items;
}

/** The bigint of a `{"$bigint":"digits"}` object; undefined for any other object. */
function tagged(record: Record<string, unknown>): bigint | undefined {
  // the own-key test first: only the (few) tagged objects pay for a key list
  if (!Object.prototype.hasOwnProperty.call(record, BIGINT_TAG) || Object.keys(record).length !== 1) return undefined;
  const digits = record[BIGINT_TAG];
  if (typeof digits !== 'string' || !CANONICAL_INTEGER.test(digits)) throw new JsonCodecError(`malformed ${BIGINT_TAG} value ${JSON.stringify(digits)}`);
  return BigInt(digits);
}
