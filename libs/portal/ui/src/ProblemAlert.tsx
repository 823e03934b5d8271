import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemOf } from './problem.js';

export interface ProblemAlertProps {
  /** a thrown value: a ProblemError, a problem body or any Error; nothing is shown for null. */
  error: unknown;
  /** also list the field errors (when the form does not show them next to its inputs). */
  withFieldErrors?: boolean;
}

/** An API error as the problem's title and detail (role="alert", so screen readers announce it). */
export function ProblemAlert({ error, withFieldErrors = false }: ProblemAlertProps) {
  const { t } = useTranslation('ui');
  if (error === null || error === undefined) return null;
  const problem = problemOf(error);
  const title = problem?.title ?? t('problem.unexpected');
  const detail = problem?.detail ?? (problem === null && error instanceof Error ? error.message : undefined);
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {detail}
      {withFieldErrors && problem?.errors !== undefined && problem.errors.length > 0 && (
        <List size="sm" mt={detail === undefined ? 0 : 'xs'}>
          {problem.errors.map((item, index) => (
            <List.Item key={index}>{item.path === '' ? item.message : `${item.path.slice(1)}: ${item.message}`}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
