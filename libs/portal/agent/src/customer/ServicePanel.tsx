import { PBX_FEATURE_FLAGS, PbxFeaturesList, ProblemAlert, TrunkAddressesTable, type PbxFeatureFlag, type PbxFeatures } from '@billing/portal-ui';
import { Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTrunkAddresses } from './use-trunk-addresses.js';

/**
 * How the customer's PBX connects and what it may do, read-only (ITC assigns both, docs/API.md
 * §6a, §6c): its trunk addresses with their tech prefixes, and the PBX features.
 */
export function ServicePanel({ customerId, features }: { customerId: string; features: PbxFeatures }) {
  const { t } = useTranslation('agent');
  const trunks = useTrunkAddresses(customerId);
  const names = Object.fromEntries(PBX_FEATURE_FLAGS.map((flag) => [flag, t(`features.${flag}`)])) as Record<PbxFeatureFlag, string>;
  return (
    <>
      <Card withBorder padding="md" radius="md">
        <Stack gap="sm">
          <Text fw={600} component="h2" fz="lg" m={0}>{t('trunks.title')}</Text>
          <Text size="sm" c="dimmed">{t('trunks.intro')}</Text>
          <ProblemAlert error={trunks.error} />
          <TrunkAddressesTable
            rows={trunks.data?.items ?? []}
            loading={trunks.isPending}
            texts={{ caption: t('trunks.title'), address: t('trunks.address'), techPrefix: t('trunks.techPrefix'), noTechPrefix: t('trunks.noTechPrefix'), addedAt: t('trunks.addedAt'), empty: t('trunks.empty') }}
          />
        </Stack>
      </Card>
      <Card withBorder padding="md" radius="md">
        <Stack gap="sm">
          <Text fw={600} component="h2" fz="lg" m={0}>{t('features.title')}</Text>
          <Text size="sm" c="dimmed">{t('features.intro')}</Text>
          <PbxFeaturesList features={features} texts={{ names, on: t('features.on'), off: t('features.off'), homeCountryCode: t('features.homeCountryCode'), premiumPrefixes: t('features.premiumPrefixes'), none: t('features.none') }} />
        </Stack>
      </Card>
    </>
  );
}
