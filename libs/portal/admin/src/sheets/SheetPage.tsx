import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DeriveForm } from './DeriveForm.js';
import { LookupForm } from './LookupForm.js';
import { MarkupForm } from './MarkupForm.js';
import { RateRowsColumns } from './rate-row-columns.js';
import { useSheetLabels } from './sheet-labels.js';
import { useSheet } from './use-sheet.js';
import { VersionsTable } from './VersionsTable.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useAgentOptions } from '../customers/use-options.js';

/** One sheet: its versions (or markups), its rows, a lookup, derive (+%) and a markup change. */
export function SheetPage() {
  const { t } = useTranslation('admin');
  const { sheetId } = useParams({ from: '/admin/sheets/$sheetId' });
  const { version } = useSearch({ from: '/admin/sheets/$sheetId' });
  const pages = useSheet(sheetId, version);
  const columns = RateRowsColumns();
  const labels = useSheetLabels();
  const agentNames = new Map(useAgentOptions().map((agent) => [agent.id, agent.name]));
  const sheet = pages.data?.pages[0];
  const rows = pages.data?.pages.flatMap((page) => page.rows.items) ?? [];
  return (
    <Stack gap="md">
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/admin/sheets" />}>{t('sheets.back')}</Anchor>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{sheet?.name ?? t('sheets.sheet.title')}</Title>
        {sheet?.kind === 'base' && <Button variant="light" renderRoot={(props) => <Link {...props} to="/admin/sheets/import" search={{ sheetId }} />}>{t('sheets.import.version')}</Button>}
      </Group>
      <ProblemAlert error={pages.error} />
      {sheet !== undefined && (
        <>
          <Group gap="xs" wrap="wrap">
            <StatusBadge color={sheet.kind === 'base' ? 'blue' : 'grape'}>{t(`sheets.kinds.${sheet.kind}`)}</StatusBadge>
            {sheet.markupPercent !== null && <StatusBadge>{t('sheets.markup.current', { percent: sheet.markupPercent })}</StatusBadge>}
            {sheet.ownerAgentId !== null && (
              <Text size="sm">
                {t('sheets.owner')}: {agentNames.get(sheet.ownerAgentId) ?? t('sheets.label.anAgent')}
              </Text>
            )}
            {sheet.baseSheetId !== null && (
              <Text size="sm">
                {t('sheets.base')}: <Anchor renderRoot={(props) => <Link {...props} to="/admin/sheets/$sheetId" params={{ sheetId: sheet.baseSheetId ?? '' }} search={{}} />}>{labels.get(sheet.baseSheetId) ?? sheet.baseSheetId.slice(0, 8)}</Anchor>
              </Text>
            )}
          </Group>
          <Title order={2} size="h4">{t('sheets.versions.title')}</Title>
          <VersionsTable sheetId={sheetId} versions={sheet.versions} shown={sheet.rows.versionId} />
          <SimpleGrid cols={{ base: 1, md: sheet.kind === 'derived' ? 3 : 2 }}>
            <LookupForm sheetId={sheetId} />
            <DeriveForm sheetId={sheetId} sheetName={sheet.name} />
            {sheet.kind === 'derived' && <MarkupForm key={sheet.markupPercent ?? ''} sheet={sheet} />}
          </SimpleGrid>
          <Title order={2} size="h4">{t('sheets.rows.title')}</Title>
          <DataTable
            caption={t('sheets.rows.title')}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.prefix}
            loading={pages.isPending}
            hasMore={pages.hasNextPage}
            onLoadMore={() => void pages.fetchNextPage()}
            loadingMore={pages.isFetchingNextPage}
          />
        </>
      )}
    </Stack>
  );
}
