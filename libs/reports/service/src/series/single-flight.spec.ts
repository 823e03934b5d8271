import { jest } from '@jest/globals';
import { SingleFlight } from './single-flight.js';

describe('single flight', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gives one turn at a time, the next to the longest waiting, once the holder leaves', async () => {
    const flight = new SingleFlight(4);
    const first = await flight.enter(500);
    expect(first).toBeDefined();
    const order: string[] = [];
    const second = flight.enter(500).then((leave) => (order.push('second'), leave));
    const third = flight.enter(500).then((leave) => (order.push('third'), leave));
    expect(flight.queued).toBe(2);
    await Promise.resolve();
    expect(order).toEqual([]);
    first!();
    first!(); // a second call is a no-op: it must not hand the turn on twice
    const leaveSecond = await second;
    expect(order).toEqual(['second']);
    expect(flight.queued).toBe(1);
    leaveSecond!();
    (await third)!();
    expect(flight.queued).toBe(0);
    expect(await flight.enter(500)).toBeDefined(); // free again
  });

  it('refuses at once when maxWaiting already wait', async () => {
    const flight = new SingleFlight(1);
    await flight.enter(500);
    void flight.enter(500);
    expect(await flight.enter(500)).toBeUndefined();
    expect(flight.queued).toBe(1);
  });

  it('gives up on a waiter after its own wait, which leaves the queue', async () => {
    const flight = new SingleFlight(4);
    const holder = await flight.enter(500);
    const early = flight.enter(100);
    const late = flight.enter(1_000);
    jest.advanceTimersByTime(100);
    expect(await early).toBeUndefined();
    expect(flight.queued).toBe(1);
    holder!();
    expect(await late).toBeDefined(); // the turn skips the one that gave up
    expect(flight.queued).toBe(0);
    jest.advanceTimersByTime(1_000); // its timer was cleared: no late removal
    expect(flight.queued).toBe(0);
  });

  it('does not queue a caller with no time left, and refuses a bad bound', async () => {
    const flight = new SingleFlight(4);
    await flight.enter(500);
    expect(await flight.enter(0)).toBeUndefined();
    expect(flight.queued).toBe(0);
    expect(() => new SingleFlight(-1)).toThrow('maxWaiting must be a non-negative integer');
  });
});
