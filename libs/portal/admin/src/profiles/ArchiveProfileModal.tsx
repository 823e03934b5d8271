import { ProblemAlert } from '@billing/portal-ui';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../customers/customer-wire.js';

export interface ArchiveProfileModalProps {
  /** the profile to archive (null: closed). */
  profile: Profile | null;
  onConfirm: (profile: Profile) => void;
  onClose: () => void;
  pending: boolean;
  error: unknown;
}

/** Archiving cannot be undone (no customer is opened from the profile again): asked first. */
export function ArchiveProfileModal({ profile, onConfirm, onClose, pending, error }: ArchiveProfileModalProps) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened={profile !== null} onClose={onClose} title={profile === null ? '' : t('profiles.archiveTitle', { name: profile.name })} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      {profile !== null && (
        <Stack gap="sm">
          <Text size="sm">{t('profiles.archiveText')}</Text>
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button color="red" loading={pending} onClick={() => onConfirm(profile)}>{t('profiles.archive')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
