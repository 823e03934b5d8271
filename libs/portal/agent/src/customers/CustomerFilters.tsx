import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES, type CustomersSearch } from '../search.js';

export interface CustomerFiltersProps {
  value: CustomersSearch;
  onChange: (next: CustomersSearch) => void;
}

/** The customers list's search text (applied on Enter or "Search") and status (applied at once). */
export function CustomerFilters({ value, onChange }: CustomerFiltersProps) {
  const { t } = useTranslation('agent');
  const [text, setText] = useState(value.q ?? '');
  // the URL changed under us (back button, a link): show its text.
  const [shown, setShown] = useState(value.q);
  if (shown !== value.q) {
    setShown(value.q);
    setText(value.q ?? '');
  }
  const apply = (next: { q?: string | undefined; status?: CustomersSearch['status'] | undefined; pending?: boolean | undefined }) => {
    const q = (next.q ?? '').trim();
    onChange({ ...(q === '' ? {} : { q }), ...(next.status === undefined ? {} : { status: next.status }), ...(next.pending === true ? { pending: true } : {}) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: text, status: value.status, pending: value.pending });
  };
  return (
    <form onSubmit={submit} role="search">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('customers.search')}
          description={t('customers.searchHint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
          maxLength={100}
        />
        <Select
          label={t('customers.status')}
          data={[{ value: '', label: t('customers.anyStatus') }, ...CUSTOMER_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]}
          value={value.status ?? ''}
          onChange={(status) => apply({ q: text, status: CUSTOMER_STATUSES.find((item) => item === status), pending: value.pending })}
          allowDeselect={false}
          style={{ flex: '0 1 180px' }}
        />
        <Button type="submit" variant="light">{t('customers.searchButton')}</Button>
      </Group>
      <Checkbox mt="sm" label={t('customers.pendingOnly')} checked={value.pending === true} onChange={(event) => apply({ q: text, status: value.status, pending: event.currentTarget.checked })} />
    </form>
  );
}
