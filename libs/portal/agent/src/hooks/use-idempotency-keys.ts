import { useState } from 'react';
import { IdempotencyKeys } from './idempotency-keys.js';

/** An IdempotencyKeys kept for the life of a form. */
export function useIdempotencyKeys(): IdempotencyKeys {
  const [keys] = useState(() => new IdempotencyKeys());
  return keys;
}
