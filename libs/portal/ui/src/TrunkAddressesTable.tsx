import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from './DataTable.js';

/** One entry of GET /customers/{id}/trunk-addresses (docs/API.md §6c). */
export interface TrunkAddressRow {
  network: string;
  techPrefix: string | null;
  addedAt: string;
}

/** The table's words, in the calling role's own namespace. */
export interface TrunkAddressesTexts {
  caption: string;
  address: string;
  techPrefix: string;
  /** a row without a tech prefix */
  noTechPrefix: string;
  addedAt: string;
  /** the account has no trunk address (default: the table's own "Nothing here yet") */
  empty?: string;
}

export interface TrunkAddressesTableProps<Row extends TrunkAddressRow> {
  rows: readonly Row[];
  loading: boolean;
  texts: TrunkAddressesTexts;
  /** further columns after the read-only ones (ITC's page: remove) */
  extraColumns?: ReadonlyArray<DataTableColumn<Row>>;
}

/**
 * A customer's trunk addresses (IP or CIDR network, tech prefix, since when), as cards on a phone.
 * Read-only: ITC's, the agent's and the customer's pages share it; only ITC adds or removes entries.
 */
export function TrunkAddressesTable<Row extends TrunkAddressRow>({ rows, loading, texts, extraColumns = [] }: TrunkAddressesTableProps<Row>) {
  const { i18n } = useTranslation('ui');
  const columns: ReadonlyArray<DataTableColumn<Row>> = [
    { key: 'network', header: texts.address, render: (trunk) => <Text span ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>{trunk.network}</Text> },
    { key: 'prefix', header: texts.techPrefix, render: (trunk) => (trunk.techPrefix === null ? texts.noTechPrefix : <Text span ff="monospace" size="sm">{trunk.techPrefix}</Text>) },
    { key: 'addedAt', header: texts.addedAt, render: (trunk) => new Date(trunk.addedAt).toLocaleString(i18n.language) },
    ...extraColumns,
  ];
  return (
    <DataTable<Row>
      cardsOnPhone
      caption={texts.caption}
      rows={rows}
      rowKey={(trunk) => `${trunk.network}|${trunk.techPrefix ?? ''}`}
      loading={loading}
      emptyText={texts.empty}
      minWidth={480}
      columns={columns}
    />
  );
}
