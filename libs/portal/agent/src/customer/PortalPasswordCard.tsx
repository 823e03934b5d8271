import { useSession, orThrow } from '@billing/portal-session';
import { ProblemAlert, useSubmitOnce } from '@billing/portal-ui';
import { Alert, Button, Card, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The customer's web-portal login (not a SIP user): a new password, asked for twice, shown once. */
export function PortalPasswordCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const once = useSubmitOnce();
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<{ portalUsername: string; portalPassword: string } | null>(null);
  const reset = useMutation({
    mutationFn: () => orThrow(api.POST('/api/v1/customers/{id}/portal-password', { params: { path: { id: customerId } } })),
    onSuccess: (result) => {
      setConfirming(false);
      setShown(result);
    },
  });
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('portalPassword.title')}</Text>
        <Text size="sm" c="dimmed">{t('portalPassword.hint')}</Text>
        <ProblemAlert error={reset.error} />
        <Group>
          {confirming ? (
            <>
              <Button color="red.9" loading={reset.isPending} onClick={() => once(() => reset.mutateAsync())}>{t('portalPassword.confirm')}</Button>
              <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            </>
          ) : (
            <Button variant="light" onClick={() => setConfirming(true)}>{t('portalPassword.button')}</Button>
          )}
        </Group>
      </Stack>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('portalPassword.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {shown !== null && (
          <Stack gap="sm">
            <Alert color="yellow" role="status">{t('portalPassword.shownOnce')}</Alert>
            <Text size="sm">{t('open.portalUsername')}: <Code>{shown.portalUsername}</Code></Text>
            <Text size="sm">{t('open.portalPassword')}: <Code style={{ wordBreak: 'break-all' }}>{shown.portalPassword}</Code></Text>
            <Group justify="flex-end"><Button onClick={() => setShown(null)}>{t('open.done')}</Button></Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
