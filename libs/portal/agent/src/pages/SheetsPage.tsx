import { useSession, orThrow } from '@billing/portal-session';
import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { DeriveSheetForm } from '../sheets/DeriveSheetForm.js';
import { MarkupModal } from '../sheets/MarkupModal.js';
import { PriceLookup } from '../sheets/PriceLookup.js';
import { useSheets } from '../sheets/use-sheets.js';

/** The sheet ITC assigned (what the agent pays) and the sheets it derived to price its customers. */
export function SheetsPage() {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const sheets = useSheets();
  const items = sheets.data?.items ?? [];
  const details = useQueries({
    queries: items.map((sheet) => ({
      queryKey: [...agentKeys.all, 'sheets', sheet.sheetId],
      queryFn: () => orThrow(api.GET('/api/v1/rate-sheets/{id}', { params: { path: { id: sheet.sheetId }, query: { limit: 1 } } })),
    })),
  });
  const [editing, setEditing] = useState<{ sheetId: string; name: string; markupPercent: string } | null>(null);
  const assigned = items.find((sheet) => sheet.baseSheetId === null);
  const sharedNames = new Set(items.map((sheet) => sheet.name).filter((name, index, names) => names.indexOf(name) !== index));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('sheets.title')}</Title>
      <Text c="dimmed">{t('sheets.intro')}</Text>
      <ProblemAlert error={sheets.error} />
      <DataTable cardsOnPhone
        caption={t('sheets.title')}
        rows={items.map((sheet, index) => ({ sheet, markup: details[index]?.data?.markupPercent ?? null }))}
        rowKey={(row) => row.sheet.sheetId}
        loading={sheets.isPending}
        minWidth={520}
        columns={[
          // by name; the id only tells apart two sheets that share one
          { key: 'name', header: t('sheets.name'), render: (row) => <Stack gap={0}><Text size="sm" fw={600}>{row.sheet.name}</Text>{sharedNames.has(row.sheet.name) && <Text size="xs" c="dimmed" ff="monospace">{row.sheet.sheetId.slice(0, 8)}</Text>}</Stack> },
          { key: 'kind', header: t('sheets.kind'), render: (row) => (row.sheet.baseSheetId === null ? t('sheets.assigned') : t('sheets.derived')) },
          { key: 'markup', header: t('sheets.markup'), align: 'right', render: (row) => (row.sheet.baseSheetId === null ? '—' : row.markup === null ? '…' : `+${row.markup} %`) },
          {
            key: 'actions',
            header: t('sip.actions'),
            render: (row) =>
              row.sheet.baseSheetId !== null && row.markup !== null && (
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ sheetId: row.sheet.sheetId, name: row.sheet.name, markupPercent: row.markup ?? '' })} aria-label={t('sheets.changeMarkupOf', { name: row.sheet.name })}>{t('sheets.changeMarkup')}</Button>
              ),
          },
        ]}
      />
      {assigned !== undefined && <DeriveSheetForm assignedSheetId={assigned.sheetId} />}
      {items.length > 0 && <PriceLookup sheets={items} />}
      {editing !== null && <MarkupModal {...editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
