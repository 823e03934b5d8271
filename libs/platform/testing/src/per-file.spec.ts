// startPerFile: the handle reads the part only once beforeAll started it, and afterAll stops it
// (inside a describe, the hooks are the describe's: the test after it sees the part stopped).
import { startPerFile } from './per-file.js';

const events: string[] = [];
let early: unknown;

describe('a part started for the tests of a block', () => {
  const part = startPerFile(
    async () => {
      events.push('start');
      return { name: 'the part', greet: () => 'hello' };
    },
    async (started) => {
      events.push(`stop ${started.name}`);
    },
  );
  try {
    early = part.name;
  } catch (error) {
    early = error;
  }

  it('refuses a read before beforeAll started it, with what was read', () => {
    expect(early).toEqual(new Error('read name before beforeAll started it'));
  });

  it('reads the started part, its values and its functions, started once', () => {
    expect(part.name).toBe('the part');
    expect(part.greet()).toBe('hello');
    expect(events).toEqual(['start']);
  });
});

it('stops the part after the tests of its block', () => {
  expect(events).toEqual(['start', 'stop the part']);
});
