import { orThrow, useSession } from '@billing/portal-session';
import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Card, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useActor } from '../shared/use-actor.js';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import { customerKeys, type Customer, type FeatureChange, type Features } from './customer-wire.js';
import { FEATURE_FLAGS } from './features-form.js';
import { FeaturesForm } from './FeaturesForm.js';
import { useCustomerCommand } from './use-customer.js';

/** The PBX features ITC assigned this customer, and every change of them (its audit trail). */
export function FeaturesPanel({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const id = customer.id;
  const keys = useIdempotencyKeys();
  const actor = useActor();
  const changes = useQuery({ queryKey: customerKeys.part(id, 'feature-changes'), queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/features/changes', { params: { path: { id } } })) });
  const save = useCustomerCommand(id, async (patch: Partial<Features>) => {
    const answer = await orThrow(api.PATCH('/api/v1/customers/{id}/features', { params: { path: { id } }, body: patch, headers: { 'Idempotency-Key': keys.keyFor(patch) } }));
    keys.done();
    return answer;
  });
  const on = (features: Features) => {
    const names = FEATURE_FLAGS.filter((flag) => features[flag]).map((flag) => t(`customers.features.${flag}`));
    return names.length === 0 ? t('customers.features.nothingOn') : names.join(', ');
  };
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">{t('customers.features.title')}</Title>
        <FeaturesForm features={customer.features} onSave={(patch) => save.mutate(patch)} saving={save.isPending} error={save.error} saved={save.isSuccess} disabled={customer.status === 'closed'} />
      </Card>
      <Title order={2} size="h4">{t('customers.features.history')}</Title>
      <ProblemAlert error={changes.error} />
      <DataTable<FeatureChange>
        caption={t('customers.features.history')}
        rows={changes.data?.items ?? []}
        rowKey={(change) => `${change.effectiveFrom}|${change.actor}`}
        loading={changes.isPending}
        minWidth={560}
        columns={[
          { key: 'at', header: t('customers.features.historyAt'), render: (change) => new Date(change.effectiveFrom).toLocaleString(i18n.language) },
          { key: 'actor', header: t('customers.features.historyActor'), render: (change) => actor(change.actor) },
          {
            key: 'set',
            header: t('customers.features.historySet'),
            render: (change) => `${on(change.features)}${change.features.homeCountryCode === null ? '' : ` · +${change.features.homeCountryCode}`}${change.features.premiumPrefixes.length === 0 ? '' : ` · ${change.features.premiumPrefixes.join(' ')}`}`,
          },
        ]}
      />
    </Stack>
  );
}
