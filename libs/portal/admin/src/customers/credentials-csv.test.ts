import { describe, expect, it } from 'vitest';
import { credentialsCsv, csvField, CREDENTIALS_HEADER } from './credentials-csv';
import type { BatchAnswer } from './customer-wire';

const batch: BatchAnswer = {
  batchId: 'b1',
  profileId: 'p1',
  agentId: null,
  sipRealm: 'sip.example',
  credentialsIncluded: true,
  customers: [
    { customerId: 'c1', accountNumber: '1000000001', sipUsername: '1000000001', portalUsername: '1000000001', sipPassword: 'p,"w', portalPassword: '=cmd', furtherSipUsers: [{ sipUsername: '1000000001-2', sipPassword: 's2' }] },
    { customerId: 'c2', accountNumber: '1000000002', sipUsername: '1000000002', portalUsername: 'bob', sipPassword: 'abc', portalPassword: 'def' },
  ],
};

describe('credentialsCsv', () => {
  it('writes the API header, one line per customer and per further SIP user (portal fields empty)', () => {
    expect(credentialsCsv(batch).split('\r\n')).toEqual([
      CREDENTIALS_HEADER,
      `1000000001,c1,1000000001,"p,""w",sip.example,1000000001,=cmd`,
      '1000000001,c1,1000000001-2,s2,sip.example,,',
      '1000000002,c2,1000000002,abc,sip.example,bob,def',
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks, and never alters a value', () => {
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('+1')).toBe('+1');
    expect(csvField(null)).toBe('');
    expect(csvField('plain')).toBe('plain');
  });
});
