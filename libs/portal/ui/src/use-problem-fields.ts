import { useMemo } from 'react';
import { problemFieldErrors, problemOf } from './problem.js';

/** `error` (a mutation's error, a problem) → `{ fieldName: message }` for the inputs' `error` prop. */
export function useProblemFields(error: unknown): Record<string, string> {
  return useMemo(() => problemFieldErrors(problemOf(error)), [error]);
}
