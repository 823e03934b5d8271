import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FollowMeEditor, type FollowMeValue } from '../follow-me/FollowMeEditor.js';
import { customerKeys } from '../shared/customer-api.js';
import { useCustomer } from '../shared/use-customer.js';

/** FollowMe: the numbers a call to the customer rings next, in order. */
export function FollowMePage() {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const queryClient = useQueryClient();
  const customer = useCustomer();
  const save = useGuardedMutation({
    mutationFn: (value: FollowMeValue) => orThrow(api.PUT('/api/v1/customers/{id}/follow-me', { params: { path: { id: subjectId } }, body: value })),
    onSuccess: (updated) => {
      queryClient.setQueryData(customerKeys.customer(subjectId), updated);
      void queryClient.invalidateQueries({ queryKey: customerKeys.customer(subjectId) });
    },
  });
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('followMe.title')}
        </Title>
        <Text c="dimmed">{t('followMe.intro')}</Text>
      </div>
      <ProblemAlert error={customer.error} />
      <Card withBorder radius="md" padding="lg">
        {customer.data === undefined ? (
          <Skeleton h={160} />
        ) : (
          <FollowMeEditor initial={customer.data.followMe} featureAssigned={customer.data.features.followMe} onSave={(value) => save.mutate(value)} saving={save.isPending} error={save.error} saved={save.isSuccess} />
        )}
      </Card>
    </Stack>
  );
}
