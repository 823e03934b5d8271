import { dlqTopicFor, topicFor, type IntegrationEvent } from '@billing/contracts';
import { decodeEvent, encodeEvent, HEADERS, InvalidEnvelopeError } from './wire.js';

const event: IntegrationEvent = {
  eventId: '6f1c1c5e-2f7a-4c55-9d7b-0c8a4f7b1a01',
  type: 'wallet.FundsDeposited',
  schemaVersion: 1,
  aggregateId: 'acct-1',
  occurredAt: '2025-01-02T03:04:05.000Z',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  data: { amount: '12.500000', nested: { list: [1, 'two', null] } },
};

describe('wire encoding', () => {
  it('keys by aggregate id and carries the routing headers', () => {
    const wire = encodeEvent(event);
    expect(wire.key).toBe('acct-1');
    expect(wire.headers).toEqual({
      [HEADERS.eventId]: event.eventId,
      [HEADERS.eventType]: 'wallet.FundsDeposited',
      [HEADERS.schemaVersion]: '1',
      [HEADERS.correlationId]: 'corr-1',
      [HEADERS.causationId]: 'cause-1',
    });
    expect(decodeEvent(Buffer.from(wire.value), wire.headers)).toEqual({ ok: true, event });
  });

  it('omits correlation and causation headers the event does not have', () => {
    const { correlationId: _c, causationId: _k, ...bare } = event;
    expect(Object.keys(encodeEvent(bare).headers).sort()).toEqual(['event-id', 'event-type', 'schema-version']);
  });

  it('refuses a bigint in data: money travels as decimal strings', () => {
    const bad = { ...event, data: { amountMicros: 12n } } as unknown as IntegrationEvent;
    expect(() => encodeEvent(bad)).toThrow(InvalidEnvelopeError);
  });

  it.each([
    ['a type without context', { type: 'FundsDeposited' }],
    ['a non-uuid id', { eventId: 'nope' }],
    ['a zero schema version', { schemaVersion: 0 }],
    ['an empty aggregate id', { aggregateId: '' }],
    ['a non-ISO time', { occurredAt: 'yesterday' }],
  ])('refuses %s', (_label, patch) => {
    expect(() => encodeEvent({ ...event, ...patch } as IntegrationEvent)).toThrow(InvalidEnvelopeError);
  });

  it('reports poison instead of throwing when decoding', () => {
    expect(decodeEvent(null, {})).toEqual({ ok: false, error: 'message has no value' });
    expect(decodeEvent(Buffer.from('{oops'), {}).ok).toBe(false);
    expect(decodeEvent(Buffer.from('{"eventId":"x"}'), {}).ok).toBe(false);
    const wire = encodeEvent(event);
    const mismatch = decodeEvent(wire.value, { [HEADERS.eventId]: Buffer.from('other') });
    expect(mismatch).toEqual({ ok: false, error: expect.stringContaining('differs') });
  });
});

describe('topic names', () => {
  it('derives the service topic and its DLQ', () => {
    expect(topicFor('wallet')).toBe('wallet.events.v1');
    expect(dlqTopicFor('wallet.events.v1')).toBe('wallet.events.v1.dlq');
    expect(() => topicFor('Wallet Service')).toThrow('invalid service name');
    expect(() => dlqTopicFor('wallet.events.v1.dlq')).toThrow('invalid topic');
  });
});
