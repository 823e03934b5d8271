import { Button, Center, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DataTableColumn<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** numbers and money read better right-aligned. */
  align?: 'left' | 'right' | 'center';
}

export interface DataTableProps<Row> {
  /** what the table lists, for screen readers (visually hidden unless showCaption). */
  caption: string;
  showCaption?: boolean;
  columns: ReadonlyArray<DataTableColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** shown instead of rows when there are none (and not loading). */
  emptyText?: ReactNode;
  loading?: boolean;
  /** a cursor page has a next one: shows "Load more". */
  hasMore?: boolean;
  onLoadMore?: () => void;
  loadingMore?: boolean;
  /** table width below which it scrolls sideways (phones). */
  minWidth?: number;
}

/** A plain accessible table for API lists: caption, header cells, empty state, cursor "load more". */
export function DataTable<Row>({ caption, showCaption = false, columns, rows, rowKey, emptyText, loading = false, hasMore = false, onLoadMore, loadingMore = false, minWidth = 560 }: DataTableProps<Row>) {
  const { t } = useTranslation('ui');
  return (
    <Stack gap="sm">
      {/* on a phone the table scrolls sideways inside this region: focusable for the keyboard, named for screen readers */}
      <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': caption } }}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-busy={loading}>
          {showCaption ? <Table.Caption>{caption}</Table.Caption> : <caption><VisuallyHidden>{caption}</VisuallyHidden></caption>}
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col" style={{ textAlign: column.align ?? 'left' }}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key} style={{ textAlign: column.align ?? 'left' }}>
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Center py="lg">
                    <Text c="dimmed">{loading ? t('table.loading') : (emptyText ?? t('table.empty'))}</Text>
                  </Center>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore && onLoadMore !== undefined && (
        <Center>
          <Button variant="light" onClick={onLoadMore} loading={loadingMore}>
            {t('table.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
