import { MoneyText } from '@billing/portal-ui';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call } from '../shared/customer-api.js';

const STATUS_COLOR = { rated: 'green', unrated: 'orange', unanswered: 'gray' } as const;

/** "125" → "2:05". */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes}:${rest < 10 ? '0' : ''}${rest}`;
}

/** One call in two lines (fits a phone): when, number and cost; where, status and duration. */
export function CallRow({ call, currency, formatTime }: { call: Call; currency: string; formatTime: (instant: string) => string }) {
  const { t } = useTranslation('customer');
  return (
    <>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600} truncate>
          <time dateTime={call.startedAt}>{formatTime(call.startedAt)}</time> · {call.destination}
        </Text>
        <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
          {call.status === 'rated' ? <MoneyText amount={call.cost} currency={currency} /> : '—'}
        </Text>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed" truncate>
          {call.destinationName ?? t('calls.unknownDestination')}
          {call.sipUsername !== null && ` · ${call.sipUsername}`}
        </Text>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Text size="xs" c="dimmed" aria-label={t('calls.duration')}>
            {formatDuration(call.billsec)}
          </Text>
          <Badge size="xs" variant="light" color={STATUS_COLOR[call.status]}>
            {t(`calls.statuses.${call.status}`)}
          </Badge>
        </Group>
      </Group>
    </>
  );
}
