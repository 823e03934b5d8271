import { Alert, Button, Code, Group, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../hooks/links.js';

export interface OpenedCredentials {
  customerId: string;
  accountNumber: string;
  sipUsername: string;
  sipPassword: string;
  sipRealm: string;
  portalUsername: string;
  portalPassword: string;
}

/** The credentials in an open-customer answer, or null when it carries no passwords (a replay). */
export function credentialsOf(result: unknown): OpenedCredentials | null {
  if (typeof result !== 'object' || result === null) return null;
  const { customer, credentials } = result as { customer?: { id?: unknown }; credentials?: Record<string, unknown> | null };
  if (typeof customer?.id !== 'string' || typeof credentials !== 'object' || credentials === null) return null;
  const text = (key: string) => (typeof credentials[key] === 'string' ? (credentials[key] as string) : '');
  if (text('sipPassword') === '' && text('portalPassword') === '') return null;
  return { customerId: customer.id, accountNumber: text('accountNumber'), sipUsername: text('sipUsername'), sipPassword: text('sipPassword'), sipRealm: text('sipRealm'), portalUsername: text('portalUsername'), portalPassword: text('portalPassword') };
}

/** What the dialog shows after `result`: the first answer that carried passwords stays. */
export function keepFirstCredentials(current: OpenedCredentials | null, result: unknown): OpenedCredentials | null {
  return current ?? credentialsOf(result);
}

/** A new customer's passwords, shown this once (the API keeps only hashes). */
export function CredentialsView({ credentials, onDone }: { credentials: OpenedCredentials; onDone: () => void }) {
  const { t } = useTranslation('agent');
  const rows: Array<[string, string]> = [
    [t('open.accountNumber'), credentials.accountNumber],
    [t('open.sipUsername'), credentials.sipUsername],
    [t('open.sipPassword'), credentials.sipPassword],
    [t('open.sipRealm'), credentials.sipRealm],
    [t('open.portalUsername'), credentials.portalUsername],
    [t('open.portalPassword'), credentials.portalPassword],
  ];
  return (
    <Stack gap="sm">
      <Alert color="yellow" role="status">{t('open.shownOnce')}</Alert>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td><Code style={{ wordBreak: 'break-all' }}>{value}</Code></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <ButtonLink to="/agent/customers/$customerId" params={{ customerId: credentials.customerId }} variant="light" onClick={onDone}>{t('open.goTo')}</ButtonLink>
        <Button onClick={onDone}>{t('open.done')}</Button>
      </Group>
    </Stack>
  );
}
