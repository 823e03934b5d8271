import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Tag } from '../shared/Tag.js';
import { useSipUsers } from '../shared/use-sip-users.js';

/** The account's SIP users (username@realm) and a password reset whose new password is shown once. */
export function SipUsersCard({ sipRealm }: { sipRealm: string }) {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const users = useSipUsers();
  // one key per reset attempt: a retry of the same attempt does not rotate the password again.
  const attempt = useRef<{ sipUsername: string; key: string } | null>(null);
  const reset = useGuardedMutation({
    mutationFn: (sipUsername: string) => {
      if (attempt.current?.sipUsername !== sipUsername) attempt.current = { sipUsername, key: crypto.randomUUID() };
      return orThrow(api.POST('/api/v1/customers/{id}/sip-users/{sipUsername}/password', { params: { path: { id: subjectId, sipUsername }, header: { 'Idempotency-Key': attempt.current.key } } }));
    },
    onSuccess: () => {
      attempt.current = null;
    },
  });
  const shown = reset.data;
  return (
    <Stack gap="xs">
      <ProblemAlert error={users.error ?? reset.error} />
      {shown !== undefined && shown.sipPassword !== null && (
        <Alert color="green" variant="light" title={t('sip.newPasswordTitle', { user: shown.sipUsername })} role="status" withCloseButton closeButtonLabel={t('sip.hide')} onClose={() => reset.reset()}>
          <Stack gap={6}>
            <Text size="sm">{t('sip.shownOnce')}</Text>
            <Group gap="xs" wrap="wrap">
              <Code fz="md" style={{ wordBreak: 'break-all' }}>
                {shown.sipPassword}
              </Code>
              <CopyButton value={shown.sipPassword}>
                {({ copied, copy }) => (
                  <Button size="compact-sm" variant="light" onClick={copy}>
                    {copied ? t('sip.copied') : t('sip.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      {(users.data?.items ?? []).map((user) => (
        <Paper key={user.sipUsername} withBorder radius="md" p="sm">
          {/* the name takes what is left of a line at least 240px wide: whether the status and the
              reset wrap below it depends on the card's width alone, the same for every card, not
              on how long each user's name and details are */}
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0, flex: '1 1 240px' }}>
              <Text fw={600} style={{ wordBreak: 'break-all' }}>
                {user.sipUsername}@{sipRealm}
              </Text>
              <Text size="xs" c="dimmed">
                {[user.displayName, user.effectiveCallerId].filter((part) => part !== null && part !== '').join(' · ') || t('sip.noDetails')}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <Tag color={user.status === 'active' ? 'green' : 'gray'}>
                {t(`sip.status.${user.status}`)}
              </Tag>
              <Button size="compact-sm" variant="light" loading={reset.isPending && reset.variables === user.sipUsername} onClick={() => reset.mutate(user.sipUsername)} aria-label={t('sip.resetFor', { user: user.sipUsername })}>
                {t('sip.reset')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
