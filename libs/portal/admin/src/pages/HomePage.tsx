import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function HomePage() {
  const { t } = useTranslation('admin');
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">{t('home.title')}</Title>
      <Text c="dimmed">{t('home.intro')}</Text>
    </Stack>
  );
}
