import { problemOf } from '@billing/portal-ui';
import { useState } from 'react';
import { IdempotencyKeys } from './idempotency-keys.js';

/** An IdempotencyKeys kept for the life of a form. */
export function useIdempotencyKeys(): IdempotencyKeys {
  const [keys] = useState(() => new IdempotencyKeys());
  return keys;
}

/** A mutation's onError for a money command: forget the key when the API's refusal is final. */
export function keyFailure(keys: IdempotencyKeys) {
  return (error: unknown) => keys.failed(problemOf(error));
}
