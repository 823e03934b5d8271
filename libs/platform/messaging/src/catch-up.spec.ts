// ConsumerCatchUp's own rules: every event of the history through the handler in order with the
// consumer's inbox entry; an unreachable source leaves the miss a miss; any other failure — of the
// source or of the handler — reaches the caller instead of being taken for "unknown"; concurrent
// fills of one key share one read.
import type { IntegrationEvent } from '@billing/contracts';
import type { ConsumeContext } from './bus.js';
import { ConsumerCatchUp } from './catch-up.js';

class Unreachable extends Error {}

const event = (n: number): IntegrationEvent => ({
  eventId: `00000000-0000-0000-0000-00000000000${n}`,
  type: 'accounts.Something',
  schemaVersion: 1,
  aggregateId: 'c-1',
  occurredAt: '2026-01-01T00:00:00Z',
  data: { n },
});

function catchUp(history: (key: string) => Promise<readonly IntegrationEvent[]>, handle?: (event: IntegrationEvent, context: ConsumeContext) => Promise<string>) {
  const seen: { eventId: string; context: ConsumeContext }[] = [];
  const warnings: string[] = [];
  const subject = new ConsumerCatchUp<string, string>({
    group: 'wallet',
    history,
    handle:
      handle ??
      (async (e, context) => {
        seen.push({ eventId: e.eventId, context });
        return `applied ${e.eventId}`;
      }),
    unreachable: (error) => error instanceof Unreachable,
    warn: (message) => warnings.push(message),
  });
  return { subject, seen, warnings };
}

describe('ConsumerCatchUp', () => {
  it('hands every event of the history to the handler in order, as the consumer would (its group, the event id)', async () => {
    const { subject, seen } = catchUp(async () => [event(1), event(2), event(3)]);
    expect(await subject.fill('c-1')).toEqual({ results: [1, 2, 3].map((n) => `applied ${event(n).eventId}`) });
    expect(seen).toEqual([1, 2, 3].map((n) => ({ eventId: event(n).eventId, context: { consumer: 'wallet', messageId: event(n).eventId, attempt: 1 } })));
  });

  it('answers null for what the source does not know, and for a source that cannot be reached (reported)', async () => {
    expect(await catchUp(async () => []).subject.fill('x')).toBeNull();
    const down = catchUp(async () => {
      throw new Unreachable('connection refused');
    });
    expect(await down.subject.fill('x')).toBeNull();
    expect(down.warnings).toEqual([expect.stringContaining('connection refused')]);
  });

  it('lets any other failure of the source or of the handler through', async () => {
    const broken = catchUp(async () => {
      throw new Error('the answer is off the contract');
    });
    await expect(broken.subject.fill('x')).rejects.toThrow('the answer is off the contract');
    expect(broken.warnings).toEqual([]);
    const failing = catchUp(
      async () => [event(1)],
      async () => {
        throw new Error('database down');
      },
    );
    await expect(failing.subject.fill('x')).rejects.toThrow('database down');
  });

  it('shares one read between concurrent fills of one key, and reads again afterwards', async () => {
    let reads = 0;
    const { subject } = catchUp(async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return [event(1)];
    });
    const [a, b] = await Promise.all([subject.fill('k'), subject.fill('k')]);
    expect(a).toBe(b);
    expect(reads).toBe(1);
    await subject.fill('k');
    expect(reads).toBe(2);
  });

  it('fills many keys at most `concurrency` at a time, each once, the outcomes in the order of the keys', async () => {
    let running = 0;
    let most = 0;
    const read: string[] = [];
    const { subject } = catchUp(async (key) => {
      running += 1;
      most = Math.max(most, running);
      read.push(key);
      // let the other workers start before this read ends
      await Promise.resolve();
      await Promise.resolve();
      running -= 1;
      return key === 'unknown' ? [] : [event(Number(key))];
    });
    const keys = ['1', '2', 'unknown', '3', '4', '5', '6', '7'];
    const outcomes = await subject.fillEach(keys, 3);
    expect(most).toBe(3);
    expect([...read].sort()).toEqual([...keys].sort());
    expect(outcomes.map((outcome) => outcome?.results ?? null)).toEqual(keys.map((key) => (key === 'unknown' ? null : [`applied ${event(Number(key)).eventId}`])));
  });

  it('takes no further key once `until` is aborted: the fill running finishes, the keys not taken answer null', async () => {
    const stop = new AbortController();
    const read: string[] = [];
    const { subject } = catchUp(async (key) => {
      read.push(key);
      // the caller stops waiting while the second fill runs
      if (read.length === 2) stop.abort();
      return [event(Number(key))];
    });
    const outcomes = await subject.fillEach(['1', '2', '3', '4'], 1, stop.signal);
    expect(read).toEqual(['1', '2']);
    expect(outcomes.map((outcome) => outcome !== null)).toEqual([true, true, false, false]);
  });
});
