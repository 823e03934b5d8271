import { useTranslation } from 'react-i18next';
import { problemOf } from './problem.js';
import { problemSentence } from './problem-text.js';

/**
 * `(error) → sentence` in the portal's language for a page that places a problem itself (next to
 * the input a code is about): the problem's sentence (problem-text.ts), null for no problem.
 */
export function useProblemText(): (error: unknown) => string | null {
  const { t, i18n } = useTranslation('ui');
  return (error) => {
    const problem = problemOf(error);
    return problem === null ? null : problemSentence(problem, { t, locale: i18n.language });
  };
}
