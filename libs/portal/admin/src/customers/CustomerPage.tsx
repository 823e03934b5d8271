import { ProblemAlert } from '@billing/portal-ui';
import { Anchor, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AccountPanel } from './AccountPanel.js';
import { CallerIdsPanel } from './CallerIdsPanel.js';
import { customerKeys, MONEY_EVENTS } from './customer-wire.js';
import { CustomerStatusBadge } from './CustomerStatusBadge.js';
import { FeaturesPanel } from './FeaturesPanel.js';
import { CUSTOMER_TABS, type CustomerTab } from './search.js';
import { SipUsersPanel } from './SipUsersPanel.js';
import { TrunksPanel } from './TrunksPanel.js';
import { useCustomer } from './use-customer.js';
import { useAgentOptions } from './use-options.js';
import { useLiveRefresh } from '../shared/use-live-refresh.js';

/** One customer, a tab per area (the tab is in the URL). */
export function CustomerPage() {
  const { t } = useTranslation('admin');
  const { customerId } = useParams({ from: '/admin/customers/$customerId' });
  const { tab = 'account' } = useSearch({ from: '/admin/customers/$customerId' });
  const navigate = useNavigate({ from: '/admin/customers/$customerId' });
  const customer = useCustomer(customerId);
  useLiveRefresh(customerKeys.part(customerId, 'balance'), MONEY_EVENTS);
  const agents = useAgentOptions();
  const data = customer.data;
  const agentName = data?.agentId == null ? null : (agents.find((agent) => agent.id === data.agentId)?.name ?? null);
  return (
    <Stack gap="md">
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/admin/customers" search={{}} />}>{t('customers.back')}</Anchor>
      <Group gap="sm" wrap="wrap">
        <Title order={1} size="h2">{data === undefined ? t('customers.customer.title') : `${t('customers.customer.title')} ${data.accountNumber}`}</Title>
        {data !== undefined && <CustomerStatusBadge status={data.status} />}
      </Group>
      {data !== undefined && <Text size="sm" c="dimmed">{[data.sipUsername, data.portalUsername, data.contactEmail].filter((part) => part !== null).join(' · ')}</Text>}
      <ProblemAlert error={customer.error} />
      {data !== undefined && (
        <Tabs value={tab} onChange={(next) => void navigate({ search: { tab: (CUSTOMER_TABS.find((item) => item === next) ?? 'account') as CustomerTab } })} keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            {CUSTOMER_TABS.map((item) => (
              <Tabs.Tab key={item} value={item}>{t(`customers.customer.tabs.${item}`)}</Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="account" pt="md"><AccountPanel customer={data} agentName={agentName} /></Tabs.Panel>
          <Tabs.Panel value="sip" pt="md"><SipUsersPanel customer={data} /></Tabs.Panel>
          <Tabs.Panel value="trunks" pt="md"><TrunksPanel customer={data} /></Tabs.Panel>
          <Tabs.Panel value="features" pt="md"><FeaturesPanel customer={data} /></Tabs.Panel>
          <Tabs.Panel value="callerIds" pt="md"><CallerIdsPanel customer={data} /></Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
