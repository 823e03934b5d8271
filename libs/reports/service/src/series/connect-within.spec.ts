import { jest } from '@jest/globals';
import type pg from 'pg';
import { connectWithin } from './connect-within.js';

/** A pool whose one connect is answered when the test says. */
function slowPool() {
  const release = jest.fn();
  const client = { release } as unknown as pg.PoolClient;
  let answer: (outcome: 'connected' | Error) => void = () => undefined;
  const pool = {
    connect: () =>
      new Promise<pg.PoolClient>((resolve, reject) => {
        answer = (outcome) => (outcome === 'connected' ? resolve(client) : reject(outcome));
      }),
  } as unknown as pg.Pool;
  return { pool, client, release, answer: (outcome: 'connected' | Error) => answer(outcome) };
}

describe('connect within', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gives the connection that comes in time, not released', async () => {
    const slow = slowPool();
    const connecting = connectWithin(slow.pool, 500);
    jest.advanceTimersByTime(499);
    slow.answer('connected');
    expect(await connecting).toBe(slow.client);
    jest.advanceTimersByTime(1_000);
    expect(slow.release).not.toHaveBeenCalled();
  });

  it('gives up once the wait has passed, and releases the connection that comes later', async () => {
    const slow = slowPool();
    const connecting = connectWithin(slow.pool, 500);
    jest.advanceTimersByTime(500);
    expect(await connecting).toBeUndefined();
    expect(slow.release).not.toHaveBeenCalled();
    slow.answer('connected');
    await Promise.resolve();
    expect(slow.release).toHaveBeenCalledTimes(1);
  });

  it('rethrows a connect that fails in time; one that fails too late is nobody\'s', async () => {
    const failing = slowPool();
    const connecting = connectWithin(failing.pool, 500);
    failing.answer(new Error('the server refused'));
    await expect(connecting).rejects.toThrow('the server refused');

    const late = slowPool();
    const givenUp = connectWithin(late.pool, 500);
    jest.advanceTimersByTime(500);
    expect(await givenUp).toBeUndefined();
    late.answer(new Error('timeout exceeded when trying to connect')); // no unhandled rejection (it would fail the run)
    await Promise.resolve();
  });
});
