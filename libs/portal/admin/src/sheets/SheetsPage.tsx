import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLabelsOf, useSheetList } from './sheet-labels.js';
import type { SheetListItem } from './sheet-wire.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useAgentOptions } from '../customers/use-options.js';

/** Every rate sheet: base decks ITC imported and the sheets derived from them. */
export function SheetsPage() {
  const { t } = useTranslation('admin');
  const agentNames = new Map(useAgentOptions().map((agent) => [agent.id, agent.name]));
  const sheets = useSheetList();
  const items = sheets.data?.items ?? [];
  // the name column reads as in the selects (base and owner included), so twins differ there too
  const labels = useLabelsOf(items);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{t('sheets.title')}</Title>
        <Button renderRoot={(props) => <Link {...props} to="/admin/sheets/import" search={{}} />}>{t('sheets.import.title')}</Button>
      </Group>
      <Text c="dimmed" size="sm">{t('sheets.intro')}</Text>
      <ProblemAlert error={sheets.error} />
      <DataTable<SheetListItem>
        caption={t('sheets.title')}
        loading={sheets.isPending}
        rows={items}
        rowKey={(sheet) => sheet.sheetId}
        minWidth={480}
        columns={[
          {
            key: 'name',
            header: t('sheets.name'),
            render: (sheet) => (
              <Anchor renderRoot={(props) => <Link {...props} to="/admin/sheets/$sheetId" params={{ sheetId: sheet.sheetId }} search={{}} />}>
                {labels.get(sheet.sheetId) ?? sheet.name}
              </Anchor>
            ),
          },
          { key: 'kind', header: t('sheets.kind'), render: (sheet) => <StatusBadge color={sheet.kind === 'base' ? 'blue' : 'grape'}>{t(`sheets.kinds.${sheet.kind}`)}</StatusBadge> },
          { key: 'owner', header: t('sheets.owner'), render: (sheet) => (sheet.ownerAgentId === null ? t('sheets.itc') : (agentNames.get(sheet.ownerAgentId) ?? <Text span size="sm" ff="monospace">{sheet.ownerAgentId}</Text>)) },
        ]}
      />
    </Stack>
  );
}
