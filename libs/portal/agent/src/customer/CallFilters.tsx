import { DateRangeFilter } from '@billing/portal-ui';
import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_STATUSES, type CustomerSearch } from '../search.js';

type CallFilterValues = Pick<CustomerSearch, 'from' | 'to' | 'destination' | 'callStatus' | 'sip'>;

/** Date range, destination prefix, status and SIP user of the calls list (all in the URL). */
export function CallFilters({ value, sipUsers, onChange }: { value: CallFilterValues; sipUsers: Array<{ value: string; label: string }>; onChange: (next: CallFilterValues) => void }) {
  const { t } = useTranslation('agent');
  const [destination, setDestination] = useState(value.destination ?? '');
  const set = (patch: Partial<CallFilterValues>) => {
    const next = { ...value, ...patch };
    onChange(Object.fromEntries(Object.entries(next).filter(([, item]) => item !== undefined && item !== '')) as CallFilterValues);
  };
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <DateRangeFilter value={{ from: value.from ?? '', to: value.to ?? '' }} onChange={(range) => set({ from: range.from || undefined, to: range.to || undefined })} />
      <TextInput
        label={t('calls.destinationStarts')}
        value={destination}
        inputMode="numeric"
        onChange={(event) => setDestination(event.currentTarget.value)}
        onBlur={() => set({ destination: destination.replace(/\D/g, '') || undefined })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') set({ destination: destination.replace(/\D/g, '') || undefined });
        }}
        style={{ width: 170 }}
      />
      <Select label={t('calls.status')} data={[{ value: '', label: t('calls.anyStatus') }, ...CALL_STATUSES.map((status) => ({ value: status, label: t(`calls.statuses.${status}`) }))]} value={value.callStatus ?? ''} onChange={(status) => set({ callStatus: CALL_STATUSES.find((item) => item === status) })} allowDeselect={false} style={{ width: 160 }} />
      <Select label={t('calls.sipUser')} data={[{ value: '', label: t('calls.anySipUser') }, ...sipUsers]} value={value.sip ?? ''} onChange={(sip) => set({ sip: sip === null || sip === '' ? undefined : sip })} allowDeselect={false} style={{ width: 180 }} />
    </Group>
  );
}
