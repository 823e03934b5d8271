import { describe, expect, it } from 'vitest';
import { landingPath, safeRedirect } from './redirect-target';

describe('?redirect= after login', () => {
  it('keeps only a path of this site', () => {
    expect(safeRedirect('/agent/customers?q=ana')).toBe('/agent/customers?q=ana');
    for (const unsafe of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', 42, undefined]) expect(safeRedirect(unsafe)).toBeUndefined();
  });

  it("lands on the page only when it is the login's role's", () => {
    expect(landingPath('agent', '/agent/customers?q=ana')).toBe('/agent/customers?q=ana');
    expect(landingPath('agent', '/agent')).toBe('/agent');
    expect(landingPath('agent', '/admin/agents')).toBe('/agent');
    expect(landingPath('agent', '/agentx')).toBe('/agent');
    expect(landingPath('customer', undefined)).toBe('/customer');
  });
});
