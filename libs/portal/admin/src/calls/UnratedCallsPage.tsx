import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function UnratedCallsPage() {
  const { t } = useTranslation('admin');
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('calls.title')}</Title>
    </Stack>
  );
}
