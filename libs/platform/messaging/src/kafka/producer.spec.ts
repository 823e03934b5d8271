import { chunkByBytes } from './producer.js';

const message = (size: number) => ({ key: 'k', value: 'x'.repeat(size), headers: { 'event-id': 'e' } });

describe('chunkByBytes', () => {
  it('keeps order and splits before a request would exceed the bound', () => {
    const messages = [message(400), message(400), message(400)];
    const chunks = chunkByBytes(messages, 1_000);
    expect(chunks.map((c) => c.length)).toEqual([2, 1]);
    expect(chunks.flat()).toEqual(messages);
  });

  it('sends an oversized message alone rather than dropping it', () => {
    expect(chunkByBytes([message(10), message(5_000), message(10)], 1_000).map((c) => c.length)).toEqual([1, 1, 1]);
  });
});
