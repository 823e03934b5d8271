import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldFromPointer, problemOf } from './problem.js';
import { problemText, serverMessageText } from './problem-text.js';

export interface ProblemAlertProps {
  /** a thrown value: a ProblemError, a problem body or any Error; nothing is shown for null. */
  error: unknown;
  /** also list the field errors (when the form does not show them next to its inputs). */
  withFieldErrors?: boolean;
}

/**
 * An API error as the problem's title and detail in the portal's language (problem-text.ts: by its
 * code, the server's sentences by pattern); role="alert", so screen readers announce it.
 */
export function ProblemAlert({ error, withFieldErrors = false }: ProblemAlertProps) {
  const { t, i18n } = useTranslation('ui');
  if (error === null || error === undefined) return null;
  const problem = problemOf(error);
  const language = { t, locale: i18n.language };
  const text = problem === null ? null : problemText(problem, language);
  const title = text?.title ?? t('problem.unexpected');
  const detail = text === null ? (error instanceof Error ? error.message : undefined) : text.detail;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {detail}
      {withFieldErrors && problem?.errors !== undefined && problem.errors.length > 0 && (
        <List size="sm" mt={detail === undefined ? 0 : 'xs'}>
          {problem.errors.map((item, index) => (
            <List.Item key={index}>{item.path === '' ? serverMessageText(item.message, language) : `${fieldFromPointer(item.path)}: ${serverMessageText(item.message, language)}`}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
