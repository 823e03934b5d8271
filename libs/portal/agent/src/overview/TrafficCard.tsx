import { useSession, orThrow } from '@billing/portal-session';
import { formatDecimal } from '@billing/portal-ui';
import { Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { Money } from '../hooks/Money.js';

function useTraffic(from: string) {
  const { api, subjectId } = useSession();
  return useQuery({
    queryKey: agentKeys.traffic(subjectId, from),
    queryFn: () => orThrow(api.GET('/api/v1/agents/{id}/calls/summary', { params: { path: { id: subjectId }, query: { from } } })),
  });
}

/** Today's and this month's calls of the agent's customers: attempts, answered, minutes, revenue. */
export function TrafficCard({ today, month }: { today: string; month: string }) {
  const { t, i18n } = useTranslation('agent');
  const locale = i18n.language;
  const periods = [
    { key: 'today', label: t('traffic.today'), query: useTraffic(today) },
    { key: 'month', label: t('traffic.month'), query: useTraffic(month) },
  ];
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('traffic.title')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {periods.map(({ key, label, query }) => (
            <Table key={key} variant="vertical" withTableBorder layout="fixed" captionSide="top" aria-busy={query.isPending}>
              <Table.Caption style={{ textAlign: 'left', fontWeight: 600, marginTop: 0 }}>{label}</Table.Caption>
              <Table.Tbody>
                <Table.Tr><Table.Th scope="row">{t('traffic.calls')}</Table.Th><Table.Td>{query.data === undefined ? '…' : t('traffic.answeredOf', { answered: formatDecimal(query.data.answered, locale), attempts: formatDecimal(query.data.attempts, locale) })}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th scope="row">{t('traffic.minutes')}</Table.Th><Table.Td>{query.data === undefined ? '…' : formatDecimal(query.data.billedMinutes, locale)}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th scope="row">{t('traffic.asr')}</Table.Th><Table.Td>{query.data === undefined ? '…' : query.data.asrPercent === null ? '—' : `${formatDecimal(query.data.asrPercent, locale, { maximumFractionDigits: 2 })} %`}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th scope="row">{t('traffic.revenue')}</Table.Th><Table.Td>{query.data === undefined ? '…' : <Money amount={query.data.revenue} />}</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
