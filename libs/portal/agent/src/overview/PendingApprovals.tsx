import { useSession, orThrow } from '@billing/portal-session';
import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { AnchorLink } from '../hooks/links.js';

/** Says how many CallerIDs wait for the agent's approval (nothing when none), linking to them. */
export function PendingApprovals() {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const pending = useQuery({
    queryKey: agentKeys.customers({ pending: true, limit: 200 }),
    queryFn: () => orThrow(api.GET('/api/v1/customers', { params: { query: { pendingCallerIds: 'true', limit: 200 } } })),
  });
  const numbers = (pending.data?.items ?? []).reduce((sum, customer) => sum + customer.pendingCallerIds.length, 0);
  if (numbers === 0) return null;
  return (
    <Alert color="violet" variant="light" title={t('approvals.title', { count: numbers })}>
      <AnchorLink to="/agent/customers" search={{ pending: true }}>{t('approvals.open', { count: pending.data?.items.length ?? 0 })}</AnchorLink>
    </Alert>
  );
}
