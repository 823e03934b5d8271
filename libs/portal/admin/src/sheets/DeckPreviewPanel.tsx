import { DataTable } from '@billing/portal-ui';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RateRowsColumns } from './rate-row-columns.js';
import type { DeckPreview } from './sheet-wire.js';

type DeckError = DeckPreview['errors'][number];

/** What an import would store (its first rows), or every bad row with its line. */
export function DeckPreviewPanel({ preview }: { preview: DeckPreview }) {
  const { t } = useTranslation('admin');
  const columns = RateRowsColumns();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">{t('sheets.import.previewTitle')}</Title>
      {preview.valid ? (
        <Alert color="green" variant="light" title={t('sheets.import.validTitle')}>
          {t('sheets.import.validText', { count: preview.rowCount })}
          {preview.rows.length < preview.rowCount && ` ${t('sheets.import.validShown', { count: preview.rows.length })}`}
        </Alert>
      ) : (
        <Alert color="red" variant="light" title={t('sheets.import.invalidTitle')} role="alert">
          {t(preview.truncated ? 'sheets.import.invalidTruncated' : 'sheets.import.invalidText', { count: preview.errors.length })}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('sheets.import.previewRounding', { decimals: preview.rounding.decimals, mode: t(`sheets.mode.${preview.rounding.mode}`) })}
        {' · '}
        {preview.effectiveFrom === null ? t('sheets.import.effectiveNow') : t('sheets.import.effectiveAt', { at: new Date(preview.effectiveFrom).toLocaleString() })}
      </Text>
      {preview.valid ? (
        <DataTable caption={t('sheets.import.previewRows')} showCaption columns={columns} rows={preview.rows} rowKey={(row) => row.prefix} />
      ) : (
        <DataTable<DeckError>
          caption={t('sheets.import.errorsCaption')}
          showCaption
          minWidth={420}
          columns={[
            { key: 'line', header: t('sheets.import.line'), render: (error) => error.line, align: 'right' },
            { key: 'field', header: t('sheets.import.field'), render: (error) => error.field },
            { key: 'message', header: t('sheets.import.message'), render: (error) => error.message },
          ]}
          rows={preview.errors}
          rowKey={(error) => `${error.line}:${error.field}:${error.message}`}
        />
      )}
    </Stack>
  );
}
