import { formatMoney, ProblemAlert, problemOf } from '@billing/portal-ui';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrency } from './use-portal-config.js';

const NOT_ENOUGH = new Set(['insufficient_funds', 'agent_credit_total_exceeded']);

/** ProblemAlert, but "not enough money" in a sentence of ours with the problem's `available` as money. */
export function MoneyProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('agent');
  const currency = useCurrency();
  const problem = problemOf(error);
  const available = (problem as { available?: unknown } | null)?.available;
  if (problem === null || !NOT_ENOUGH.has(problem.code) || typeof available !== 'string' || currency === '') return <ProblemAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" title={t('problems.notEnoughTitle')}>
      {t('problems.notEnough', { available: formatMoney(available, currency, i18n.language) })}
    </Alert>
  );
}
