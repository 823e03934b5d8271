import { useSession, orThrow, type ProblemError } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { Tag } from '../hooks/Tag.js';

interface Decision {
  number: string;
  approve: boolean;
}

/** The CallerIDs the customer asked for (approve or reject each) and the approved ones. */
export function CallerIdsPanel({ customerId, pending, approved, defaultCallerId }: { customerId: string; pending: string[]; approved: string[]; defaultCallerId: string | null }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const decide = useGuardedMutation<unknown, ProblemError, Decision>({
    mutationFn: ({ number, approve }) => {
      const params = { path: { id: customerId, number } };
      return approve ? orThrow(api.POST('/api/v1/customers/{id}/caller-ids/{number}/approve', { params })) : orThrow(api.POST('/api/v1/customers/{id}/caller-ids/{number}/reject', { params }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  });
  const busy = (number: string, approve: boolean) => decide.isPending && decide.variables.number === number && decide.variables.approve === approve;
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('callerIds.pendingTitle')}</Text>
        <ProblemAlert error={decide.error} />
        {pending.length === 0 ? (
          <Text c="dimmed" size="sm">{t('callerIds.nonePending')}</Text>
        ) : (
          <List listStyleType="none" spacing="xs" aria-label={t('callerIds.pendingTitle')}>
            {pending.map((number) => (
              <List.Item key={number}>
                <Group gap="sm" wrap="wrap">
                  <Text fw={600} ff="monospace">{number}</Text>
                  <Button size="compact-sm" loading={busy(number, true)} onClick={() => decide.mutate({ number, approve: true })} aria-label={t('callerIds.approveOf', { number })}>{t('callerIds.approve')}</Button>
                  <Button size="compact-sm" variant="light" color="red" loading={busy(number, false)} onClick={() => decide.mutate({ number, approve: false })} aria-label={t('callerIds.rejectOf', { number })}>{t('callerIds.reject')}</Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Text fw={600} component="h2" fz="lg" m={0} mt="sm">{t('callerIds.approvedTitle')}</Text>
        {approved.length === 0 ? (
          <Text c="dimmed" size="sm">{t('callerIds.noneApproved')}</Text>
        ) : (
          <List listStyleType="none" spacing={4}>
            {approved.map((number) => (
              <List.Item key={number}>
                <Text span ff="monospace">{number}</Text> {number === defaultCallerId && <Tag size="xs">{t('callerIds.default')}</Tag>}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
