import { collectCommittedEvents, CommittedEvents, decodeCommittedEvents, encodeCommittedEvents, MAX_COMMITTED_EVENTS_PER_REQUEST, recordCommittedEvents } from './committed-events.js';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

it('collects what the request committed, across awaits', async () => {
  const committed = new CommittedEvents();
  await collectCommittedEvents(committed, async () => {
    recordCommittedEvents(['a']);
    await Promise.resolve();
    recordCommittedEvents(['b', 'a']);
  });
  expect([...committed.ids]).toEqual(['a', 'b']);
  expect(committed.overflowed).toBe(false);
});

it('carries nothing for a bulk import: past the bound the request is marked overflowed and holds no ids', () => {
  const committed = new CommittedEvents();
  collectCommittedEvents(committed, () => recordCommittedEvents(ids(MAX_COMMITTED_EVENTS_PER_REQUEST)));
  expect(committed.ids.size).toBe(MAX_COMMITTED_EVENTS_PER_REQUEST);
  collectCommittedEvents(committed, () => recordCommittedEvents(ids(2_000)));
  expect(committed.overflowed).toBe(true);
  expect(committed.ids.size).toBe(0);
});

it('the header of the bound fits a Node HTTP client (16 KiB of headers) and a longer one is read as none', () => {
  expect(encodeCommittedEvents(ids(MAX_COMMITTED_EVENTS_PER_REQUEST)).length).toBeLessThan(4_096);
  expect(decodeCommittedEvents(encodeCommittedEvents(ids(3)))).toEqual(ids(3));
  expect(decodeCommittedEvents(encodeCommittedEvents(ids(MAX_COMMITTED_EVENTS_PER_REQUEST + 1)))).toEqual([]);
});

it('records nothing outside a request', () => {
  expect(() => recordCommittedEvents(['a'])).not.toThrow();
});
