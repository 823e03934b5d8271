import { useSession } from '@billing/portal-session';
import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { asJson } from '../shared/as-json.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { HealthCard } from './HealthCard.js';
import { RunAuditCard } from './RunAuditCard.js';

interface ProjectionVersion {
  version: number;
  state: 'building' | 'active' | 'retired';
  checkpoint: string | null;
}

const STATE_COLOR: Record<ProjectionVersion['state'], string> = { building: 'blue', active: 'teal', retired: 'gray' };

/**
 * The ledger's consistency: run the wallet audit now (POST /wallet/audits), the wallet's
 * projection versions and the product's health.
 */
export function AuditPage(): ReactElement {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const projections = useQuery({
    queryKey: ['admin', 'audit', 'projections'],
    queryFn: () => asJson<{ versions: ProjectionVersion[] }>(api.GET('/api/v1/wallet/projections')),
  });
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <RunAuditCard />
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('audit.projections.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('audit.projections.help')}
          </Text>
          <ProblemAlert error={projections.error} />
          <DataTable<ProjectionVersion>
            caption={t('audit.projections.title')}
            rows={projections.data?.versions ?? []}
            rowKey={(row) => String(row.version)}
            loading={projections.isPending}
            minWidth={300}
            columns={[
              { key: 'version', header: t('audit.projections.version'), render: (row) => row.version },
              { key: 'state', header: t('audit.projections.state'), render: (row) => <StatusBadge color={STATE_COLOR[row.state]}>{t(`audit.projections.states.${row.state}`, { defaultValue: row.state })}</StatusBadge> },
              { key: 'checkpoint', header: t('audit.projections.checkpoint'), render: (row) => <Code>{row.checkpoint ?? '—'}</Code> },
            ]}
          />
        </Stack>
      </Paper>
      <HealthCard />
    </Stack>
  );
}
