import { DateRangeFilter } from '@billing/portal-ui';
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SipUser } from '../shared/customer-api.js';
import { CALL_STATUSES, destinationDigits, type CallSearch, type CallStatus } from './call-search.js';

export interface CallFiltersProps {
  value: CallSearch;
  onChange: (next: CallSearch) => void;
  /** the browser's time zone, in which the dates are days. */
  timeZone: string;
  /** the account's SIP users: the SIP-user filter is shown only when there are any. */
  sipUsers: ReadonlyArray<Pick<SipUser, 'sipUsername' | 'displayName'>>;
}

/** Drops the keys whose value is undefined or '' (the URL then has no empty params). */
function compact(search: CallSearch): CallSearch {
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined && v !== '')) as CallSearch;
}

/**
 * The call history's filters: a day range in the browser's time zone, the digits the destination
 * starts with, the status, the SIP user. Each change goes to `onChange` (the page keeps them in the URL); a
 * destination that is not digits is shown as an error and not applied.
 */
export function CallFilters({ value, onChange, timeZone, sipUsers }: CallFiltersProps) {
  const { t } = useTranslation('customer');
  const [destinationText, setDestinationText] = useState(value.destination ?? '');
  // the URL changed from elsewhere (clear, back button): show it, unless it is what was typed.
  const [previous, setPrevious] = useState(value.destination);
  if (value.destination !== previous) {
    setPrevious(value.destination);
    if (destinationDigits(destinationText) !== (value.destination ?? null)) setDestinationText(value.destination ?? '');
  }
  const destinationInvalid = destinationText.trim() !== '' && destinationDigits(destinationText) === null;
  const filtered = Object.keys(compact(value)).length > 0;
  const sipOptions = sipUsers.map((user) => ({ value: user.sipUsername, label: user.displayName === null ? user.sipUsername : `${user.displayName} (${user.sipUsername})` }));
  // a user the URL names but the account no longer has (removed, or a link from elsewhere) stays shown as chosen
  if (value.sip !== undefined && !sipOptions.some((option) => option.value === value.sip)) sipOptions.push({ value: value.sip, label: value.sip });

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-start" wrap="wrap">
        <DateRangeFilter value={{ from: value.from ?? '', to: value.to ?? '' }} onChange={(range) => onChange(compact({ ...value, from: range.from, to: range.to }))} />
        <TextInput
          label={t('calls.destination')}
          description={t('calls.destinationHint')}
          inputMode="tel"
          value={destinationText}
          error={destinationInvalid ? t('calls.destinationInvalid') : undefined}
          onChange={(event) => {
            const text = event.currentTarget.value;
            setDestinationText(text);
            const digits = destinationDigits(text);
            if (text.trim() === '') onChange(compact({ ...value, destination: undefined }));
            else if (digits !== null) onChange(compact({ ...value, destination: digits }));
          }}
          style={{ minWidth: 160, flex: '1 1 160px' }}
        />
        <NativeSelect
          label={t('calls.status')}
          value={value.status ?? ''}
          data={[{ value: '', label: t('calls.statusAll') }, ...CALL_STATUSES.map((status) => ({ value: status, label: t(`calls.statuses.${status}`) }))]}
          onChange={(event) => onChange(compact({ ...value, status: (event.currentTarget.value || undefined) as CallStatus | undefined }))}
          style={{ minWidth: 150 }}
        />
        {sipUsers.length > 0 && (
          <NativeSelect
            label={t('calls.sipUser')}
            value={value.sip ?? ''}
            data={[{ value: '', label: t('calls.sipUserAll') }, ...sipOptions]}
            onChange={(event) => onChange(compact({ ...value, sip: event.currentTarget.value || undefined }))}
            style={{ minWidth: 150 }}
          />
        )}
      </Group>
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('calls.timeZone', { timeZone })}
        </Text>
        {filtered && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setDestinationText('');
              onChange({});
            }}
          >
            {t('calls.clear')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
