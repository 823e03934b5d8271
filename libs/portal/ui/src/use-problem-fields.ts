import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldErrors, problemOf } from './problem.js';

/**
 * `error` (a mutation's error, a problem) → `{ fieldName: message }` for the inputs' `error` prop;
 * `codeFields`: problems about one input that name no field (see problemFieldErrors); a module
 * constant, so the answer stays the same object between renders. Messages are in the portal's
 * language (problem-text.ts: by code and by the server's sentence patterns).
 */
export function useProblemFields(error: unknown, codeFields?: Readonly<Record<string, string>>): Record<string, string> {
  const { t, i18n, ready } = useTranslation('ui');
  // no translations (a component rendered without i18next): the server's own text
  const locale = ready ? i18n.language : undefined;
  return useMemo(() => problemFieldErrors(problemOf(error), codeFields, locale === undefined ? undefined : { t, locale }), [error, codeFields, t, locale]);
}
