import { FileInput, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeckForm as DeckFormValues } from './deck-request.js';
import { ROUNDING_MODES, type RoundingMode } from './sheet-wire.js';

export interface DeckFormProps {
  value: DeckFormValues;
  onChange: (value: DeckFormValues) => void;
  /** a new sheet asks for its name; a new version does not. */
  withName: boolean;
  fieldErrors: Record<string, string>;
}

/** The deck (a file or pasted text) and the sheet fields of an import. */
export function DeckForm({ value, onChange, withName, fieldErrors }: DeckFormProps) {
  const { t } = useTranslation('admin');
  const set = (patch: Partial<DeckFormValues>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      {withName && <TextInput label={t('sheets.import.name')} value={value.name} onChange={(event) => set({ name: event.currentTarget.value })} error={fieldErrors['name']} required maxLength={100} />}
      <FileInput
        label={t('sheets.import.file')}
        description={t('sheets.import.fileHint')}
        accept=".csv,.json,.txt,text/csv,application/json"
        clearable
        clearButtonProps={{ 'aria-label': t('sheets.import.clearFile') }}
        onChange={async (file) => set(file === null ? { fileName: null } : { fileName: file.name, text: await file.text() })}
      />
      <Textarea
        label={t('sheets.import.text')}
        description={t('sheets.import.textHint')}
        value={value.text}
        onChange={(event) => set({ text: event.currentTarget.value, fileName: null })}
        autosize
        minRows={4}
        maxRows={12}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        error={fieldErrors['rows']}
      />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          type="datetime-local"
          label={t('sheets.import.effectiveFrom')}
          description={t('sheets.import.effectiveFromHint')}
          value={value.effectiveFrom === '' ? '' : toLocalInput(value.effectiveFrom)}
          onChange={(event) => set({ effectiveFrom: event.currentTarget.value === '' ? '' : new Date(event.currentTarget.value).toISOString() })}
          error={fieldErrors['effectiveFrom']}
          miw={200}
        />
        <Select
          label={t('sheets.import.decimals')}
          data={['0', '1', '2', '3', '4', '5', '6'].map((d) => ({ value: d, label: d }))}
          placeholder={t('sheets.import.sheetDefault')}
          value={value.decimals === null ? null : String(value.decimals)}
          onChange={(decimals) => set({ decimals: decimals === null ? null : Number.parseInt(decimals, 10) })}
          clearable
          error={fieldErrors['decimals'] ?? fieldErrors['rounding/decimals']}
          miw={140}
        />
        <Select
          label={t('sheets.import.mode')}
          data={ROUNDING_MODES.map((mode) => ({ value: mode, label: t(`sheets.mode.${mode}`) }))}
          placeholder={t('sheets.import.sheetDefault')}
          value={value.mode}
          onChange={(mode) => set({ mode: (mode as RoundingMode | null) ?? null })}
          clearable
          error={fieldErrors['mode'] ?? fieldErrors['rounding/mode']}
          miw={140}
        />
      </Group>
    </Stack>
  );
}

/** An ISO instant as the datetime-local input's local "YYYY-MM-DDTHH:mm". */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
