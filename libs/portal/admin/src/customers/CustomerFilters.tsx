import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES, type CustomersSearch, type CustomerStatus } from './search.js';

export interface AgentOption {
  id: string;
  name: string;
}

export interface CustomerFiltersProps {
  value: CustomersSearch;
  onChange: (next: CustomersSearch) => void;
  agents: readonly AgentOption[];
}

const ALL = '';
const ITC = 'itc';

/** Search text and batch id apply on submit; agent and status at once. Empty = no filter (dropped from the URL). */
export function CustomerFilters({ value, onChange, agents }: CustomerFiltersProps) {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState(value.q ?? '');
  const [batchId, setBatchId] = useState(value.batchId ?? '');
  // the URL changed elsewhere (back button, a link): show it
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setQ(value.q ?? '');
    setBatchId(value.batchId ?? '');
  }
  const apply = (patch: Partial<CustomersSearch>) => {
    const next: CustomersSearch = { ...value, ...patch };
    for (const key of Object.keys(next) as (keyof CustomersSearch)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  return (
    <form
      role="search"
      aria-label={t('customers.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        apply({ q: q.trim() || undefined, batchId: batchId.trim() || undefined });
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('customers.filters.search')} placeholder={t('customers.filters.searchHint')} value={q} onChange={(event) => setQ(event.currentTarget.value)} maxLength={100} miw={200} style={{ flex: '2 1 200px' }} />
        <Select
          label={t('customers.filters.agent')}
          data={[{ value: ALL, label: t('customers.filters.anyAgent') }, { value: ITC, label: t('customers.filters.itcDirect') }, ...agents.map((agent) => ({ value: agent.id, label: agent.name }))]}
          value={value.agentId ?? ALL}
          onChange={(agentId) => apply({ agentId: agentId ?? undefined })}
          searchable
          allowDeselect={false}
          miw={160}
          style={{ flex: '1 1 160px' }}
        />
        <Select
          label={t('customers.filters.status')}
          data={[{ value: ALL, label: t('customers.filters.anyStatus') }, ...CUSTOMER_STATUSES.map((status) => ({ value: status, label: t(`customers.status.${status}`) }))]}
          value={value.status ?? ALL}
          onChange={(status) => apply({ status: (status || undefined) as CustomerStatus | undefined })}
          allowDeselect={false}
          miw={140}
          style={{ flex: '1 1 140px' }}
        />
        <TextInput label={t('customers.filters.batch')} value={batchId} onChange={(event) => setBatchId(event.currentTarget.value)} maxLength={128} miw={160} style={{ flex: '1 1 160px' }} />
        <Button type="submit" variant="light">{t('customers.filters.apply')}</Button>
      </Group>
    </form>
  );
}
