import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface DateRange {
  /** YYYY-MM-DD or '' (open). */
  from: string;
  to: string;
}

export interface DateRangeFilterProps {
  value: DateRange;
  onChange: (range: DateRange) => void;
}

/** Two native date inputs (keyboard- and phone-friendly); says when "from" is after "to". */
export function DateRangeFilter({ value, onChange }: DateRangeFilterProps) {
  const { t } = useTranslation('ui');
  // ISO dates compare correctly as text.
  const reversed = value.from !== '' && value.to !== '' && value.from > value.to;
  return (
    <Group gap="sm" align="flex-start" wrap="wrap">
      <TextInput type="date" label={t('dateRange.from')} value={value.from} max={value.to || undefined} onChange={(e) => onChange({ ...value, from: e.currentTarget.value })} style={{ minWidth: 160 }} />
      <TextInput type="date" label={t('dateRange.to')} value={value.to} min={value.from || undefined} error={reversed ? t('dateRange.reversed') : undefined} onChange={(e) => onChange({ ...value, to: e.currentTarget.value })} style={{ minWidth: 160 }} />
    </Group>
  );
}
