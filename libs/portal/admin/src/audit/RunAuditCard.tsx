import { useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asJson } from '../shared/as-json.js';
import { useCurrency } from '../shared/use-currency.js';
import { AuditResult } from './AuditResult.js';
import type { AuditRun } from './audit-wire.js';

/** "Run the audit now": POST /wallet/audits replays the whole wallet log (as `npm run audit`) and answers its report. */
export function RunAuditCard() {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const currency = useCurrency();
  const run = useGuardedMutation({
    mutationFn: () => asJson<AuditRun>(api.POST('/api/v1/wallet/audits')),
    // the run reads the projections' checkpoint: show the versions as they are now
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] }),
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('audit.run.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('audit.run.help')}
        </Text>
        <Group>
          <Button onClick={() => run.mutate()} loading={run.isPending}>
            {t('audit.run.button')}
          </Button>
        </Group>
        <ProblemAlert error={run.error} />
        {run.data !== undefined && <AuditResult run={run.data} currency={currency} />}
      </Stack>
    </Paper>
  );
}
