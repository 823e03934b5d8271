import { ProblemError } from '@billing/portal-session';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fieldFromPointer, problemFieldErrors } from './problem';
import { useProblemFields } from './use-problem-fields';

// the shape of the gateway's 400 validation problem (errors[].path is a JSON Pointer)
const validation = {
  type: 'urn:itc-billing:problem:validation',
  title: 'Validation',
  status: 400,
  code: 'validation',
  detail: 'The request body is not valid.',
  errors: [
    { path: '/amount', message: 'must be a decimal amount with at most 6 decimals' },
    { path: '/rows/0/prefix', message: 'is required' },
    { path: '/amount', message: 'must be positive' },
    { path: '/a~1b~0c', message: 'unknown field' },
    { path: '', message: 'must be an object' },
  ],
};

describe('problemFieldErrors', () => {
  it('puts a problem about one input that names no field next to the input its code names', () => {
    const markup = { type: 'urn:itc-billing:problem:invalid_markup', title: 'Invalid markup', status: 422, code: 'invalid_markup', detail: 'markupPercent must be from 0 to 1000' };
    expect(problemFieldErrors(markup, { invalid_markup: 'markupPercent' })).toEqual({ markupPercent: 'markupPercent must be from 0 to 1000' });
    expect(problemFieldErrors(markup)).toEqual({});
    expect(problemFieldErrors(markup, { no_rate: 'number' })).toEqual({});
    // a problem naming its fields keeps them
    expect(problemFieldErrors(validation, { validation: 'amount' })['rows.0.prefix']).toBe('is required');
  });

  it('maps each pointer to the dotted field, joins repeats and leaves the root to the alert', () => {
    expect(problemFieldErrors(validation)).toEqual({
      amount: 'must be a decimal amount with at most 6 decimals; must be positive',
      'rows.0.prefix': 'is required',
      'a/b~c': 'unknown field',
    });
  });

  it('accepts `field` where an answer names the field that way, and nothing for no problem', () => {
    expect(problemFieldErrors({ ...validation, errors: [{ field: 'email', message: 'taken' } as never] })).toEqual({ email: 'taken' });
    expect(problemFieldErrors(null)).toEqual({});
    expect(problemFieldErrors({ ...validation, errors: undefined })).toEqual({});
  });

  it('reads RFC 6901 escapes', () => {
    expect(fieldFromPointer('/x~1y/2')).toBe('x/y.2');
    expect(fieldFromPointer('')).toBe('');
  });
});

describe('useProblemFields', () => {
  it('takes a thrown ProblemError (a mutation error) and anything else as no fields', () => {
    const { result, rerender } = renderHook(({ error }: { error: unknown }) => useProblemFields(error), { initialProps: { error: new ProblemError(validation) as unknown } });
    expect(result.current['rows.0.prefix']).toBe('is required');
    rerender({ error: new Error('offline') });
    expect(result.current).toEqual({});
  });
});
