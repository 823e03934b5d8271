import { Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../shared/customer-api.js';
import { Tag } from '../shared/Tag.js';

const SWITCHES = ['followMe', 'callerIdSelfManagement', 'internationalCalls', 'premiumDestinations', 'callRecording', 'voicemail'] as const;

/** The PBX features ITC assigned (read-only: only ITC changes them). */
export function FeaturesCard({ features }: { features: Customer['features'] }) {
  const { t } = useTranslation('customer');
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {SWITCHES.map((name) => (
          <Group key={name} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{t(`features.${name}`)}</Text>
            <Tag color={features[name] ? 'green' : 'gray'}>
              {features[name] ? t('features.on') : t('features.off')}
            </Tag>
          </Group>
        ))}
      </SimpleGrid>
      {features.homeCountryCode !== null && (
        <Text size="sm" mt="xs">
          {t('features.homeCountryCode')}: +{features.homeCountryCode}
        </Text>
      )}
      {features.premiumPrefixes.length > 0 && (
        <Text size="sm" mt={4}>
          {t('features.premiumPrefixes')}: {features.premiumPrefixes.join(', ')}
        </Text>
      )}
    </>
  );
}
