import { useSession } from '@billing/portal-session';
import { Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asJson } from '../shared/as-json.js';
import { Money } from '../shared/Money.js';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import { DepositForm, type DepositValues } from './DepositForm.js';
import { useInvalidateAgent } from './use-agent.js';
import { useGuardedMutation } from '@billing/portal-ui';

interface DepositAnswer {
  depositId: string;
  amount: string;
  balance: string;
  repeated: boolean;
}

/** ITC records an agent's payment: POST /agents/{id}/deposits with an Idempotency-Key per attempt. */
export function AgentDepositCard({ agentId }: { agentId: string }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const keys = useIdempotencyKeys();
  const invalidate = useInvalidateAgent(agentId);
  const [resetKey, setResetKey] = useState(0);
  const deposit = useGuardedMutation({
    mutationFn: (body: DepositValues) =>
      asJson<DepositAnswer>(api.POST('/api/v1/agents/{id}/deposits', { params: { path: { id: agentId } }, body, headers: { 'Idempotency-Key': keys.keyFor(body) } })),
    onSuccess: async () => {
      keys.done();
      setResetKey((n) => n + 1);
      await invalidate();
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('agents.deposit.title')}
      </Title>
      <DepositForm onSubmit={(values) => deposit.mutate(values)} error={deposit.error} pending={deposit.isPending} resetKey={resetKey} />
      {deposit.data !== undefined && (
        <Text size="sm" c="teal.9" mt="xs" role="status">
          {t('agents.deposit.done')} <Money amount={deposit.data.amount} /> → <Money amount={deposit.data.balance} />
        </Text>
      )}
    </Paper>
  );
}
