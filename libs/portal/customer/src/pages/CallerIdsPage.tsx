import { ProblemAlert } from '@billing/portal-ui';
import { Alert, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AddCallerIdForm } from '../caller-ids/AddCallerIdForm.js';
import { CallerIdList } from '../caller-ids/CallerIdList.js';
import { RefusedCallerIdNotices, useRefusedCallerIds } from '../caller-ids/RefusedCallerIds.js';
import { useCustomer } from '../shared/use-customer.js';
import { useCustomerLive } from '../shared/use-customer-live.js';

/** The numbers the customer's calls may present, its default, and the ones waiting for approval. */
export function CallerIdsPage() {
  const { t } = useTranslation('customer');
  const customer = useCustomer();
  const refusals = useRefusedCallerIds();
  // an approval or refusal by the agent arrives on the live feed (`caller-ids`): the lists are read
  // again, and a refusal is told (the number would just vanish)
  useCustomerLive(undefined, refusals.refused);
  const selfManaged = customer.data?.features.callerIdSelfManagement ?? true;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('callerIds.title')}
        </Title>
        <Text c="dimmed">{t('callerIds.intro')}</Text>
      </div>
      <ProblemAlert error={customer.error} />
      <RefusedCallerIdNotices numbers={refusals.numbers} dismiss={refusals.dismiss} />
      {!selfManaged && (
        <Alert color="yellow" variant="light" title={t('callerIds.notAssignedTitle')}>
          {t('callerIds.notAssigned')}
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg">
        {customer.data === undefined ? <Skeleton h={120} /> : <CallerIdList customer={customer.data} disabled={!selfManaged} onWithdraw={refusals.withdrawing} onWithdrawFailed={refusals.withdrawFailed} />}
      </Card>
      <Card withBorder radius="md" padding="lg">
        <AddCallerIdForm disabled={!selfManaged} />
      </Card>
    </Stack>
  );
}
