import { useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asJson } from '../shared/as-json.js';
import { Money } from '../shared/Money.js';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import type { LedgerLine } from './agent-wire.js';
import { useInvalidateAgent } from './use-agent.js';

const REASONS = ['correction', 'refund', 'chargeback'] as const;
type Reason = (typeof REASONS)[number];

/** Reverses one deposit of the agent (POST …/deposits/{depositId}/reversals, Idempotency-Key). */
export function ReverseDepositModal({ agentId, line, onClose }: { agentId: string; line: LedgerLine | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const keys = useIdempotencyKeys();
  const invalidate = useInvalidateAgent(agentId);
  const [reason, setReason] = useState<Reason>('correction');
  const reverse = useGuardedMutation({
    mutationFn: (depositId: string) => {
      const body = { reason };
      return asJson<unknown>(
        api.POST('/api/v1/agents/{id}/deposits/{depositId}/reversals', {
          params: { path: { id: agentId, depositId } },
          body,
          headers: { 'Idempotency-Key': keys.keyFor({ depositId, ...body }) },
        }),
      );
    },
    onSuccess: async () => {
      keys.done();
      await invalidate();
      onClose();
    },
  });
  return (
    <Modal opened={line !== null} onClose={onClose} title={t('agents.reverse.title')} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      {line !== null && (
        <Stack gap="sm">
          <Text size="sm">
            {t('agents.reverse.what', { reference: line.reference ?? line.ref })} <Money amount={line.amount} />
          </Text>
          <ProblemAlert error={reverse.error} />
          <Select
            label={t('agents.reverse.reason')}
            data={REASONS.map((value) => ({ value, label: t(`agents.reverse.reasons.${value}`) }))}
            value={reason}
            allowDeselect={false}
            onChange={(value) => setReason((value as Reason | null) ?? 'correction')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={reverse.isPending} onClick={() => reverse.mutate(line.ref)}>
              {t('agents.reverse.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
