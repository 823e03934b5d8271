import { describe, expect, it } from 'vitest';
import { sipUserLabel } from './sip-user-label.js';

describe('sipUserLabel', () => {
  it('names a SIP user by its display name, with its username', () => {
    expect(sipUserLabel({ sipUsername: '1000000016', displayName: 'Reception' })).toBe('Reception (1000000016)');
    expect(sipUserLabel({ sipUsername: '1000000016', displayName: null })).toBe('1000000016');
    expect(sipUserLabel({ sipUsername: '1000000016', displayName: '  ' })).toBe('1000000016');
  });
});
