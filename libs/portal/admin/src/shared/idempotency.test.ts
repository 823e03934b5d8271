import { describe, expect, it } from 'vitest';
import { IdempotencyKeys } from './idempotency';

describe('IdempotencyKeys', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('reuses the key when the same body is sent again (a retry)', () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.keyFor({ amount: '10', reference: 'w1' })).toBe('key-1');
    expect(keys.keyFor({ amount: '10', reference: 'w1' })).toBe('key-1');
  });

  it('gives a changed body a new key', () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ amount: '10', reference: 'w1' });
    expect(keys.keyFor({ amount: '11', reference: 'w1' })).toBe('key-2');
  });

  it('starts a new command after a success, even with the same body', () => {
    const keys = new IdempotencyKeys(counter());
    keys.keyFor({ amount: '10' });
    keys.done();
    expect(keys.keyFor({ amount: '10' })).toBe('key-2');
  });

  it('makes UUIDs by default', () => {
    expect(new IdempotencyKeys().keyFor({})).toMatch(/^[0-9a-f-]{36}$/);
  });
});
