import { deterministicEventId, EVENT_ID_NAMESPACE, isUuid, uuidV5 } from './uuid.js';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuid v5', () => {
  test('matches the published vector (python uuid.uuid5(NAMESPACE_DNS, "www.example.com"))', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  test('sets version 5 and the RFC variant', () => {
    const id = uuidV5('anything', EVENT_ID_NAMESPACE);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('deterministic event ids: same inputs same id; stream, command and index each matter', () => {
    const id = deterministicEventId('wallet-1', 'cmd-1', 0);
    expect(deterministicEventId('wallet-1', 'cmd-1', 0)).toBe(id);
    expect(new Set([id, deterministicEventId('wallet-2', 'cmd-1', 0), deterministicEventId('wallet-1', 'cmd-2', 0), deterministicEventId('wallet-1', 'cmd-1', 1)]).size).toBe(4);
    expect(isUuid(id)).toBe(true);
  });

  test('refuses inputs that could make two different commands share ids', () => {
    expect(() => deterministicEventId('s', '', 0)).toThrow('command id must not be empty');
    expect(() => deterministicEventId('s', 'c', -1)).toThrow('non-negative integer');
    expect(() => deterministicEventId('s\u0000x', 'c', 0)).toThrow('NUL');
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow('invalid uuid');
  });
});
