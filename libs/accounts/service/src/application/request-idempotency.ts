// Idempotency-Key for requests whose answer holds generated credentials (opening customers).
// The gateway's @Idempotent() stores whole responses, and these must never rest in a table in
// clear; so here the key only fixes the new aggregate's id. A retry finds that aggregate and
// answers it again without the passwords; the same key with another request is a 422.
import { principalKey, ProblemException, uuidFromName, type Principal } from '@billing/gateway';
import { createHash } from 'node:crypto';

export interface RequestIdempotency {
  /** the Idempotency-Key header, if the caller sent one. */
  key: string | undefined;
  /** sha256 of the method, path and canonical body: "the same request". */
  requestHash: string;
}

const KEY = /^[\x20-\x7e]{1,255}$/;

export function requestIdempotency(key: string | undefined, method: string, path: string, body: unknown): RequestIdempotency {
  if (key !== undefined && (!KEY.test(key) || key.trim() === '')) {
    throw new ProblemException(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–255 printable ASCII characters.');
  }
  const requestHash = createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
  return { key, requestHash };
}

/** The aggregate id a key stands for, per caller and purpose (`customer`, `batch`). */
export function idFromKey(principal: Principal, key: string, purpose: string): string {
  return uuidFromName(`accounts:${purpose}:${principalKey(principal)}:${key}`);
}

/** When the stream already exists: the same request again (replay), or a reused key (422). */
export function assertSameRequest(storedHash: unknown, idempotency: RequestIdempotency): void {
  if (storedHash !== idempotency.requestHash) {
    throw new ProblemException(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request; use a new key for a new operation.',
    );
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
