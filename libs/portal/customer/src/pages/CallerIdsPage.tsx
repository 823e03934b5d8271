import { ProblemAlert } from '@billing/portal-ui';
import { Alert, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AddCallerIdForm } from '../caller-ids/AddCallerIdForm.js';
import { CallerIdList } from '../caller-ids/CallerIdList.js';
import { useCustomer } from '../shared/use-customer.js';
import { useCustomerLive } from '../shared/use-customer-live.js';

/** The numbers the customer's calls may present, its default, and the ones waiting for approval. */
export function CallerIdsPage() {
  const { t } = useTranslation('customer');
  const customer = useCustomer();
  // an approval by the agent arrives on the live feed (`caller-ids`): the lists are read again
  useCustomerLive();
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
      {!selfManaged && (
        <Alert color="yellow" variant="light" title={t('callerIds.notAssignedTitle')}>
          {t('callerIds.notAssigned')}
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg">
        {customer.data === undefined ? <Skeleton h={120} /> : <CallerIdList customer={customer.data} disabled={!selfManaged} />}
      </Card>
      <Card withBorder radius="md" padding="lg">
        <AddCallerIdForm disabled={!selfManaged} />
      </Card>
    </Stack>
  );
}
