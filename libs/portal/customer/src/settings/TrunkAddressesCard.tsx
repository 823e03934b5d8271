import { TrunkAddressesTable } from '@billing/portal-ui';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrunkAddress } from '../shared/customer-api.js';

/** The addresses ITC registered for the customer's PBX (read-only: only ITC changes them). */
export function TrunkAddressesCard({ trunks }: { trunks: readonly TrunkAddress[] }) {
  const { t } = useTranslation('customer');
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">{t('trunks.intro')}</Text>
      <TrunkAddressesTable
        rows={trunks}
        loading={false}
        texts={{ caption: t('trunks.title'), address: t('trunks.address'), techPrefix: t('trunks.techPrefix'), noTechPrefix: t('trunks.noTechPrefix'), addedAt: t('trunks.addedAt'), empty: t('trunks.empty') }}
      />
    </>
  );
}
