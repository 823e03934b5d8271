import { ProblemAlert } from '@billing/portal-ui';
import { Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CallerIdsPanel } from '../customer/CallerIdsPanel.js';
import { CallsPanel } from '../customer/CallsPanel.js';
import { CustomerTabs } from '../customer/CustomerTabs.js';
import { PortalPasswordCard } from '../customer/PortalPasswordCard.js';
import { ServicePanel } from '../customer/ServicePanel.js';
import { SettingsForm } from '../customer/SettingsForm.js';
import { BillingTermsCard } from '../customer/BillingTermsCard.js';
import { SipUsersPanel } from '../customer/SipUsersPanel.js';
import { StatusCard } from '../customer/StatusCard.js';
import { TransactionsPanel } from '../customer/TransactionsPanel.js';
import { TransferForm } from '../customer/TransferForm.js';
import { useCustomerBalance } from '../customer/use-customer-balance.js';
import { Money } from '../hooks/Money.js';
import { useAgentLive } from '../hooks/use-agent-live.js';
import { useCustomer } from '../hooks/use-customer.js';
import type { CustomerSearch, CustomerTab } from '../search.js';
import { AnchorLink } from '../hooks/links.js';
import { Tag } from '../hooks/Tag.js';

/** One customer of the agent: money, settings, SIP users, trunks and PBX features, CallerIDs, calls, transactions (tab in the URL). */
export function CustomerPage() {
  const { t } = useTranslation('agent');
  const { customerId } = useParams({ from: '/agent/customers/$customerId' });
  const search = useSearch({ from: '/agent/customers/$customerId' });
  const navigate = useNavigate({ from: '/agent/customers/$customerId' });
  const customer = useCustomer(customerId);
  const balance = useCustomerBalance(customerId);
  useAgentLive();
  const tab: CustomerTab = search.tab ?? 'money';
  const setSearch = (next: CustomerSearch) => void navigate({ search: next, replace: true });
  const c = customer.data;
  return (
    <Stack gap="md">
      <AnchorLink to="/agent/customers" size="sm">← {t('customers.title')}</AnchorLink>
      <ProblemAlert error={customer.error} />
      {c === undefined ? (
        <Skeleton height={60} />
      ) : (
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Title order={1} size="h2">{t('customer.title', { account: c.accountNumber })}</Title>
            <Text size="sm" c="dimmed">{c.contactEmail ?? t('customer.noEmail')} · {t(`billing.${c.billingType}`)}</Text>
          </Stack>
          <Group gap="md">
            <Tag size="lg" color={c.status === 'active' ? 'teal' : c.status === 'suspended' ? 'orange' : 'gray'}>{t(`status.${c.status}`)}</Tag>
            {balance.data !== undefined && (
              <Stack gap={0} align="flex-end">
                <Text size="xs" c="dimmed">{t('customers.balance')}</Text>
                <Text fw={700} fz="xl"><Money amount={balance.data.balance} colorNegative /></Text>
                {balance.data.inDebt && <Tag color="red" size="xs">{t('needsMoney.inDebt')}</Tag>}
              </Stack>
            )}
          </Group>
        </Group>
      )}
      <CustomerTabs
        tab={tab}
        onChange={(next) => setSearch({ tab: next })}
        pendingCallerIds={c?.pendingCallerIds.length ?? 0}
        panel={(item) => (
          <>
            {item === 'money' && <TransferForm customerId={customerId} />}
            {item === 'settings' && c !== undefined && (
              <>
                <SettingsForm customerId={customerId} saved={{ lowBalanceThreshold: c.lowBalanceThreshold, contactEmail: c.contactEmail ?? '', language: c.language, lowBalanceEmailEnabled: c.lowBalanceEmailEnabled }} />
                <BillingTermsCard customerId={customerId} billingType={c.billingType} rateSheetId={c.rateSheetId} creditLimit={c.creditLimit} closed={c.status === 'closed'} />
                <PortalPasswordCard customerId={customerId} />
                <StatusCard customerId={customerId} status={c.status} />
              </>
            )}
            {item === 'sip' && <SipUsersPanel customerId={customerId} />}
            {item === 'service' && c !== undefined && <ServicePanel customerId={customerId} features={c.features} />}
            {item === 'callerIds' && c !== undefined && <CallerIdsPanel customerId={customerId} pending={c.pendingCallerIds} approved={c.callerIds} defaultCallerId={c.defaultCallerId} />}
            {item === 'calls' && <CallsPanel customerId={customerId} search={search} onSearch={setSearch} />}
            {item === 'transactions' && <TransactionsPanel customerId={customerId} />}
          </>
        )}
      />
    </Stack>
  );
}
