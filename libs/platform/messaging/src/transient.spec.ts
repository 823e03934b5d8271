import { isTransientError } from './transient.js';

describe('isTransientError', () => {
  it.each([
    ['connection refused', Object.assign(new Error('x'), { code: 'ECONNREFUSED' })],
    ['admin shutdown', Object.assign(new Error('x'), { code: '57P01' })],
    ['serialization failure', Object.assign(new Error('x'), { code: '40001' })],
    ['connection exception class', Object.assign(new Error('x'), { code: '08006' })],
    ['pg connection end', new Error('Connection terminated unexpectedly')],
    ['a wrapped one', new Error('outer', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })],
  ])('treats %s as transient', (_label, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ['a business rejection', new Error('insufficient balance')],
    ['a unique violation', Object.assign(new Error('x'), { code: '23505' })],
    ['a non-error', 'boom'],
  ])('treats %s as the message’s failure', (_label, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
