import { Alert, Code, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Passwords the API answered once, label → value (never stored: they live in this render only). */
export function SecretsTable({ rows }: { rows: ReadonlyArray<readonly [string, string | null]> }) {
  const { t } = useTranslation('admin');
  return (
    <Stack gap="xs">
      <Alert color="yellow" variant="light" role="status">{t('customers.credentials.shownOnce')}</Alert>
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="40%">{label}</Table.Th>
              <Table.Td><Code style={{ wordBreak: 'break-all' }}>{value ?? '—'}</Code></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
