import { useMemo } from 'react';
import { problemFieldErrors, problemOf } from './problem.js';

/**
 * `error` (a mutation's error, a problem) → `{ fieldName: message }` for the inputs' `error` prop;
 * `codeFields`: problems about one input that name no field (see problemFieldErrors); a module
 * constant, so the answer stays the same object between renders.
 */
export function useProblemFields(error: unknown, codeFields?: Readonly<Record<string, string>>): Record<string, string> {
  return useMemo(() => problemFieldErrors(problemOf(error), codeFields), [error, codeFields]);
}
