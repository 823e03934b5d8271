import { ProblemError, useSession } from '@billing/portal-session';
import { ProblemAlert } from '@billing/portal-ui';
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../shared/StatusBadge.js';

type Health = Record<string, unknown> & { status: 'ok' | 'degraded' };

/** GET /health (public, outside /api/v1): a 503 still carries the components, so both are read. */
function useHealth() {
  const { authFetch } = useSession();
  return useQuery({
    queryKey: ['admin', 'audit', 'health'],
    queryFn: async (): Promise<Health> => {
      const response = await authFetch('/health');
      if (response.status !== 200 && response.status !== 503) throw await ProblemError.fromResponse(response);
      return (await response.json()) as Health;
    },
  });
}

/** A component's state as the health answer gives it: a word, or an object with a `status`. */
function stateOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { status?: unknown }).status === 'string') return (value as { status: string }).status;
  return JSON.stringify(value);
}

export function HealthCard() {
  const { t } = useTranslation('admin');
  const health = useHealth();
  const components = Object.entries(health.data ?? {}).filter(([key]) => key !== 'status' && key !== 'uptimeSeconds');
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('audit.health.title')}
          </Title>
          {health.data !== undefined && <StatusBadge color={health.data.status === 'ok' ? 'teal' : 'red'}>{t(`audit.health.${health.data.status}`)}</StatusBadge>}
        </Group>
        <ProblemAlert error={health.error} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" component="dl" style={{ margin: 0 }}>
          {components.map(([name, value]) => (
            <Stack key={name} gap={0}>
              <Text component="dt" size="xs" c="dimmed" fw={600}>
                {t(`audit.health.components.${name}`, { defaultValue: name })}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                {t(`audit.health.states.${stateOf(value)}`, { defaultValue: stateOf(value) })}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
