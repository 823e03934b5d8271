import { WrongExpectedVersionError, type ExpectedVersion } from './port.js';
import { assertValidAppends, checkExpectedVersion, readStreamBounds } from './validation.js';

describe('expected version', () => {
  // [expected, actual (-1 = no stream), accepted]
  test.each<[ExpectedVersion, number, boolean]>([
    ['any', -1, true],
    ['any', 7, true],
    ['no_stream', -1, true],
    ['no_stream', 0, false],
    [-1, -1, true],
    [-1, 0, false],
    ['stream_exists', -1, false],
    ['stream_exists', 0, true],
    [0, 0, true],
    [0, 1, false],
    [3, -1, false],
  ])('expected %p with actual %p → accepted %p', (expected, actual, accepted) => {
    const check = (): void => checkExpectedVersion('s', expected, actual);
    if (accepted) expect(check).not.toThrow();
    else expect(check).toThrow(WrongExpectedVersionError);
  });
});

describe('append validation', () => {
  const id = '0b8e6a36-2f1c-4f4e-9d6b-8f0c3c1e2a10';
  test('refuses a stream twice, an id twice, a non-uuid id, an empty type', () => {
    const event = { eventId: id, type: 'A', data: {} };
    expect(() => assertValidAppends([{ streamId: 's', events: [], expectedVersion: 'any' }, { streamId: 's', events: [], expectedVersion: 'any' }])).toThrow('appears twice');
    expect(() => assertValidAppends([{ streamId: 's', events: [event, { ...event, eventId: id.toUpperCase() }], expectedVersion: 'any' }])).toThrow('appears twice');
    expect(() => assertValidAppends([{ streamId: 's', events: [{ ...event, eventId: 'x' }], expectedVersion: 'any' }])).toThrow('uuid');
    expect(() => assertValidAppends([{ streamId: 's', events: [{ ...event, type: '' }], expectedVersion: 'any' }])).toThrow('event type');
    expect(() => assertValidAppends([{ streamId: '', events: [], expectedVersion: 'any' }])).toThrow('stream id');
    expect(() => assertValidAppends([{ streamId: 's', events: [], expectedVersion: -2 }])).toThrow('expected version');
  });

  test('readStream bounds: explicit maxCount is a page, none means "all, up to the bound"', () => {
    expect(readStreamBounds()).toEqual({ fromVersion: 0, maxCount: 100_000, explicit: false });
    expect(readStreamBounds(5, 10)).toEqual({ fromVersion: 5, maxCount: 10, explicit: true });
    expect(() => readStreamBounds(-1)).toThrow('fromVersion');
    expect(() => readStreamBounds(0, 0)).toThrow('maxCount');
  });
});
