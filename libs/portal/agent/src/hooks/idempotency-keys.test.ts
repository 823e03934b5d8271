import { describe, expect, it } from 'vitest';
import { IdempotencyKeys } from './idempotency-keys.js';

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('IdempotencyKeys', () => {
  it('reuses the key when the same body is sent again (a retry)', () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.keyFor({ amount: '5' })).toBe('key-1');
    expect(keys.keyFor({ amount: '5' })).toBe('key-1');
  });

  it('makes a new key for another body', () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ amount: '5' });
    expect(keys.keyFor({ amount: '6' })).toBe('key-2');
  });

  it('makes a new key after the command settled, even for the same body', () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ amount: '5' });
    keys.settled();
    expect(keys.keyFor({ amount: '5' })).toBe('key-2');
  });

  it('keeps the key after no answer, a 5xx, a 429 or a command still running', () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ amount: '5' });
    keys.failed(null);
    keys.failed({ status: 0, code: 'network_error' });
    keys.failed({ status: 503, code: 'overloaded' });
    keys.failed({ status: 429, code: 'too_many_requests' });
    keys.failed({ status: 409, code: 'idempotency_key_in_progress' });
    expect(keys.keyFor({ amount: '5' })).toBe('key-1');
  });

  it('makes a new key after a refusal the API decided (it would be replayed under the old key)', () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ amount: '5' });
    keys.failed({ status: 409, code: 'insufficient_funds' });
    expect(keys.keyFor({ amount: '5' })).toBe('key-2');
  });
});
