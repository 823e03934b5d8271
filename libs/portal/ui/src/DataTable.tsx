import { Box, Button, Card, Center, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
  /**
   * on a phone (< 36em) show each row as a card of "header: value" lines instead of a table that
   * scrolls sideways with cut headers and hidden columns; the first column is the card's title.
   */
  cardsOnPhone?: boolean;
}

/** The width below which a `cardsOnPhone` table shows cards (Mantine's `xs` breakpoint). */
export const PHONE_QUERY = '(max-width: 36em)';

/** A plain accessible table for API lists: caption, header cells, empty state, cursor "load more". */
export function DataTable<Row>({ caption, showCaption = false, columns, rows, rowKey, emptyText, loading = false, hasMore = false, onLoadMore, loadingMore = false, minWidth = 560, cardsOnPhone = false }: DataTableProps<Row>) {
  const { t } = useTranslation('ui');
  const phone = useMediaQuery(PHONE_QUERY) === true;
  const more = hasMore && onLoadMore !== undefined && (
    <Center>
      <Button variant="light" onClick={onLoadMore} loading={loadingMore}>
        {t('table.loadMore')}
      </Button>
    </Center>
  );
  if (cardsOnPhone && phone) {
    const [first, ...rest] = columns;
    return (
      <Stack gap="sm">
        {showCaption && <Text fw={600}>{caption}</Text>}
        <Stack component="ul" gap="xs" aria-label={caption} aria-busy={loading} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((row) => (
            <Card component="li" key={rowKey(row)} withBorder padding="sm">
              {first !== undefined && <Text fw={600}>{first.render(row)}</Text>}
              <Box component="dl" m={0}>
                {rest.map((column) => (
                  <Group key={column.key} justify="space-between" wrap="nowrap" gap="sm">
                    <Text component="dt" size="sm" c="dimmed">{column.header}</Text>
                    <Text component="dd" size="sm" m={0} ta="right">{column.render(row)}</Text>
                  </Group>
                ))}
              </Box>
            </Card>
          ))}
        </Stack>
        {rows.length === 0 && (
          <Center py="lg">
            <Text c="dimmed">{loading ? t('table.loading') : (emptyText ?? t('table.empty'))}</Text>
          </Center>
        )}
        {more}
      </Stack>
    );
  }
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
      {more}
    </Stack>
  );
}
