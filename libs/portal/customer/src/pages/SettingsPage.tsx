import { ProblemAlert, usePortalConfig } from '@billing/portal-ui';
import { Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountSettingsForm } from '../settings/AccountSettingsForm.js';
import { FeaturesCard } from '../settings/FeaturesCard.js';
import { PasswordForm } from '../settings/PasswordForm.js';
import { SipUsersCard } from '../settings/SipUsersCard.js';
import { TrunkAddressesCard } from '../settings/TrunkAddressesCard.js';
import { useCustomer } from '../shared/use-customer.js';
import { useTrunkAddresses } from '../shared/use-trunk-addresses.js';

/** Settings: warnings, contact, language, password, SIP users, trunk addresses (if any) and the features ITC gave. */
export function SettingsPage() {
  const { t } = useTranslation('customer');
  const customer = useCustomer();
  const config = usePortalConfig();
  const trunks = useTrunkAddresses();
  const data = customer.data;
  // most accounts register SIP users only: the section is there for a PBX ITC knows by its address
  const trunkRows = trunks.data?.items ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('settings.title')}
        </Title>
        <Text c="dimmed">{t('settings.intro', { account: data?.accountNumber ?? '' })}</Text>
      </div>
      <ProblemAlert error={customer.error ?? config.error ?? trunks.error} />
      {data === undefined || config.data === undefined ? (
        <Skeleton h={240} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Section title={t('settings.account')}>
            <AccountSettingsForm customer={data} currency={config.data.currency} />
          </Section>
          <Section title={t('password.title')}>
            <PasswordForm />
          </Section>
          <Section title={t('sip.title')}>
            <SipUsersCard sipRealm={config.data.sipRealm} />
          </Section>
          {trunkRows.length > 0 && (
            <Section title={t('trunks.title')}>
              <TrunkAddressesCard trunks={trunkRows} />
            </Section>
          )}
          <Section title={t('features.title')}>
            <FeaturesCard features={data.features} />
          </Section>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
