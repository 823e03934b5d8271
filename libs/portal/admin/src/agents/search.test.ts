import { describe, expect, it } from 'vitest';
import { validateAgentsSearch } from './search';

describe('validateAgentsSearch', () => {
  it('keeps a trimmed search text and a known status', () => {
    expect(validateAgentsSearch({ q: '  acme ', status: 'suspended' })).toEqual({ q: 'acme', status: 'suspended' });
  });

  it('drops an empty text, an unknown status and anything else', () => {
    expect(validateAgentsSearch({ q: '   ', status: 'closed', cursor: 'x' })).toEqual({});
    expect(validateAgentsSearch({ q: 42 })).toEqual({});
  });

  it('cuts the text at the 100 characters the API takes', () => {
    expect(validateAgentsSearch({ q: 'a'.repeat(150) }).q).toHaveLength(100);
  });
});
