import { ProblemAlert } from '@billing/portal-ui';
import { Button, Center, Loader, Stack } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** While a lazy page (or its loader) is on its way. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader role="status" aria-label={t('loading')} />
    </Center>
  );
}

/** A page that threw (a failed loader, a chunk that did not load): the problem and a retry. */
export function PageError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Stack maw={640} p="md">
      <ProblemAlert error={error} />
      <Button variant="light" onClick={reset} w="fit-content">
        {t('retry')}
      </Button>
    </Stack>
  );
}
