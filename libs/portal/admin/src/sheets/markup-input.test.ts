import { ProblemError } from '@billing/portal-session';
import { describe, expect, it } from 'vitest';
import { isMarkupProblem, parseMarkup } from './markup-input';

describe('parseMarkup', () => {
  it("accepts 0 to 1000 with the page language's decimal mark and refuses the rest", () => {
    expect(parseMarkup(' 12.5 ')).toBe('12.5');
    expect(parseMarkup(' 12,5 ', 'es')).toBe('12.5');
    // a mark the language does not use as decimal is no percentage (never read as 125 or 12.5 silently)
    expect(parseMarkup('12,5')).toBeNull();
    expect(parseMarkup('0')).toBe('0');
    expect(parseMarkup('1000')).toBe('1000');
    for (const bad of ['abc', '-50', '1000.5', '', '1.1234567']) expect(parseMarkup(bad)).toBeNull();
  });
});

describe('isMarkupProblem', () => {
  it('maps 422 invalid_markup (no field named) and a markupPercent field error to the markup', () => {
    const invalid = new ProblemError({ type: 'x', title: 'Unprocessable', status: 422, code: 'invalid_markup', detail: 'markup must be between 0 and 1000 percent' });
    expect(isMarkupProblem(invalid, {})).toBe(true);
    expect(isMarkupProblem(null, { markupPercent: 'must match pattern' })).toBe(true);
    const other = new ProblemError({ type: 'x', title: 'Conflict', status: 409, code: 'name_taken', detail: 'taken' });
    expect(isMarkupProblem(other, { name: 'taken' })).toBe(false);
  });
});
