import { formatMoney } from '@billing/portal-ui';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface RateRow {
  minimumSeconds?: number;
  intervals: ReadonlyArray<{ startSecond: number; ratePerMinute: string; incrementSeconds: number }>;
}

/**
 * Every part of a price (docs/rating.md §2–3): each interval's rate per minute and block ("0.264/min
 * per 60 s", then "from 60 s: 0.132/min per 60 s") and the shortest call billed ("at least 30 s").
 * Showing the first interval only hid a cheaper second one and the minimum.
 */
export function RateParts({ row, currency }: { row: RateRow; currency: string }) {
  const { t, i18n } = useTranslation('customer');
  const money = (amount: string) => formatMoney(amount, currency, i18n.language);
  const lines = row.intervals.map((interval) =>
    interval.startSecond === 0
      ? t('rates.part', { rate: money(interval.ratePerMinute), increment: interval.incrementSeconds })
      : t('rates.partFrom', { rate: money(interval.ratePerMinute), increment: interval.incrementSeconds, start: interval.startSecond }),
  );
  if ((row.minimumSeconds ?? 0) > 0) lines.push(t('rates.minimum', { seconds: row.minimumSeconds }));
  if (lines.length === 0) return <>—</>;
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text key={line} size="sm" span>
          {line}
        </Text>
      ))}
    </Stack>
  );
}
