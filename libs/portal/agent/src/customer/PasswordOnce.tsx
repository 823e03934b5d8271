import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface SipCredentials {
  sipUsername: string;
  sipPassword: string | null;
  sipRealm: string;
}

/** A SIP password the API answered once: shown here, then gone. */
export function PasswordOnce({ credentials, onClose }: { credentials: SipCredentials | null; onClose: () => void }) {
  const { t } = useTranslation('agent');
  return (
    <Modal opened={credentials !== null} onClose={onClose} title={t('sip.passwordTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {credentials !== null && (
        <Stack gap="sm">
          {credentials.sipPassword === null ? (
            <Alert color="yellow">{t('sip.passwordReplayed')}</Alert>
          ) : (
            <Alert color="yellow" role="status">{t('sip.shownOnce')}</Alert>
          )}
          <Text size="sm">{t('sip.username')}: <Code>{credentials.sipUsername}</Code></Text>
          <Text size="sm">{t('sip.realm')}: <Code>{credentials.sipRealm}</Code></Text>
          {credentials.sipPassword !== null && <Text size="sm">{t('sip.password')}: <Code style={{ wordBreak: 'break-all' }}>{credentials.sipPassword}</Code></Text>}
          <Group justify="flex-end"><Button onClick={onClose}>{t('open.done')}</Button></Group>
        </Stack>
      )}
    </Modal>
  );
}
