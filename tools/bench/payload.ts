// The one event shape both stores get: a rated call, ~200 bytes of JSON, money as decimal
// strings (the wire form), plus a small metadata object.

// Type aliases (not interfaces) so the shapes fit Emmett's Record-typed Event.
export type CallRated = {
  callId: string;
  accountId: string;
  caller: string;
  callee: string;
  startedAt: string;
  billsecSeconds: number;
  amountMicros: string;
  currency: string;
};

export type BenchEvent = {
  type: 'CallRated';
  data: CallRated;
  metadata: { correlationId: string; actor: string };
};

let sequence = 0;

export function callRated(accountIndex: number): BenchEvent {
  sequence += 1;
  const billsecSeconds = 30 + (sequence % 600);
  return {
    type: 'CallRated',
    data: {
      callId: `call-${sequence.toString().padStart(12, '0')}`,
      accountId: `acc-${accountIndex.toString().padStart(8, '0')}`,
      caller: '+4930123456789',
      callee: '+14155550123',
      startedAt: '2025-06-01T12:34:56.789Z',
      billsecSeconds,
      amountMicros: String(billsecSeconds * 200),
      currency: 'EUR',
    },
    metadata: { correlationId: `corr-${sequence}`, actor: 'system' },
  };
}

export function callsRated(accountIndex: number, count: number): BenchEvent[] {
  return Array.from({ length: count }, () => callRated(accountIndex));
}

/** Bytes of the data JSON (reported so the payload size is visible next to the numbers). */
export function payloadBytes(): number {
  return Buffer.byteLength(JSON.stringify(callRated(0).data));
}
