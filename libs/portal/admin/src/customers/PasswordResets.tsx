import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecretsTable } from './SecretsTable.js';

/** New SIP or portal password, shown once from the answer (kept only in this render). */
export function PasswordResets({ customerId, disabled }: { customerId: string; disabled: boolean }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const path = { params: { path: { id: customerId } } };
  const sip = useGuardedMutation({ mutationFn: () => orThrow(api.POST('/api/v1/customers/{id}/sip-password', path)) });
  const portal = useGuardedMutation({ mutationFn: () => orThrow(api.POST('/api/v1/customers/{id}/portal-password', path)) });
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('customers.actions.passwords')}</Title>
        <Group gap="xs">
          <Button variant="light" disabled={disabled} loading={sip.isPending} onClick={() => { portal.reset(); sip.mutate(); }}>{t('customers.actions.resetSip')}</Button>
          <Button variant="light" disabled={disabled} loading={portal.isPending} onClick={() => { sip.reset(); portal.mutate(); }}>{t('customers.actions.resetPortal')}</Button>
        </Group>
        <ProblemAlert error={sip.error ?? portal.error} />
        {sip.data !== undefined && (
          <SecretsTable rows={[[t('customers.credentials.sipUsername'), sip.data.sipUsername], [t('customers.credentials.sipPassword'), sip.data.sipPassword], [t('customers.credentials.sipRealm'), sip.data.sipRealm]]} />
        )}
        {portal.data !== undefined && (
          <SecretsTable rows={[[t('customers.credentials.portalUsername'), portal.data.portalUsername], [t('customers.credentials.portalPassword'), portal.data.portalPassword]]} />
        )}
      </Stack>
    </Card>
  );
}
