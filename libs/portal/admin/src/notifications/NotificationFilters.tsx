import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_STATUSES, type NotificationsSearch } from './search.js';

/** Status (applied at once) and recipient (applied on submit); the page keeps both in the URL. */
export function NotificationFilters({ search, onChange }: { search: NotificationsSearch; onChange: (next: NotificationsSearch) => void }) {
  const { t } = useTranslation('admin');
  const [recipient, setRecipient] = useState(search.recipient ?? '');
  const apply = (next: NotificationsSearch) => {
    const clean: NotificationsSearch = {};
    if (next.status !== undefined) clean.status = next.status;
    if (next.recipient !== undefined && next.recipient.trim() !== '') clean.recipient = next.recipient.trim();
    onChange(clean);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ ...search, recipient });
  };
  return (
    <Group component="form" role="search" onSubmit={submit} align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('notifications.filters.status')}
        data={[{ value: '', label: t('notifications.status.all') }, ...NOTIFICATION_STATUSES.map((value) => ({ value, label: t(`notifications.status.${value}`) }))]}
        value={search.status ?? ''}
        allowDeselect={false}
        onChange={(value) => apply({ ...search, status: NOTIFICATION_STATUSES.find((status) => status === value) })}
        w={170}
      />
      <TextInput label={t('notifications.filters.recipient')} type="email" value={recipient} onChange={(e) => setRecipient(e.currentTarget.value)} style={{ flex: '1 1 200px' }} />
      <Button type="submit" variant="light">
        {t('notifications.filters.apply')}
      </Button>
    </Group>
  );
}
