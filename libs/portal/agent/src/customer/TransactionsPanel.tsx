import { useSession } from '@billing/portal-session';
import { useTranslation } from 'react-i18next';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { LedgerPage } from '../api/types.js';
import { LedgerLinesCard } from '../ledger/LedgerLinesCard.js';

/** The customer's ledger lines (deposits, transfers, call charges), newest first. */
export function TransactionsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  return (
    <LedgerLinesCard
      title={t('transactions.title')}
      queryKey={[...agentKeys.customer(customerId), 'transactions']}
      fetchPage={(cursor) => asJson<LedgerPage>(api.GET('/api/v1/customers/{id}/transactions', { params: { path: { id: customerId }, query: { limit: 50, ...(cursor === undefined ? {} : { cursor }) } } }))}
      csvPath={`/api/v1/customers/${encodeURIComponent(customerId)}/transactions?format=csv`}
      csvFileName="transactions.csv"
    />
  );
}
