import { useSession, orThrow } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';

/** Suspend (the switch no longer authenticates it) or reactivate the customer. */
export function StatusCard({ customerId, status }: { customerId: string; status: string }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const change = useGuardedMutation({
    mutationFn: (action: 'suspend' | 'reactivate') =>
      action === 'suspend'
        ? orThrow(api.POST('/api/v1/customers/{id}/suspend', { params: { path: { id: customerId } }, body: {} }))
        : orThrow(api.POST('/api/v1/customers/{id}/reactivate', { params: { path: { id: customerId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
  if (status === 'closed') return null;
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('statusCard.title')}</Text>
        <Text size="sm" c="dimmed">{status === 'active' ? t('statusCard.activeHint') : t('statusCard.suspendedHint')}</Text>
        <ProblemAlert error={change.error} />
        <Group>
          {status === 'active' ? (
            <Button color="red.9" loading={change.isPending} onClick={() => change.mutate('suspend')}>{t('statusCard.suspend')}</Button>
          ) : (
            <Button variant="light" loading={change.isPending} onClick={() => change.mutate('reactivate')}>{t('statusCard.reactivate')}</Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
