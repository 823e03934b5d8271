import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerKeys, type Customer } from '../shared/customer-api.js';
import { Tag } from '../shared/Tag.js';

/**
 * The approved CallerIDs (choose the default, remove) and the pending ones (withdraw: `onWithdraw`
 * hears of it first, the feed reports a withdrawal as a refusal).
 */
export function CallerIdList({ customer, disabled, onWithdraw, onWithdrawFailed }: { customer: Customer; disabled: boolean; onWithdraw?: (number: string) => void; onWithdrawFailed?: (number: string) => void }) {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const queryClient = useQueryClient();
  const onSuccess = (updated: Customer) => {
    queryClient.setQueryData(customerKeys.customer(subjectId), updated);
    void queryClient.invalidateQueries({ queryKey: customerKeys.customer(subjectId) });
  };
  const chooseDefault = useGuardedMutation({
    mutationFn: (callerId: string) => orThrow(api.PUT('/api/v1/customers/{id}/caller-ids/default', { params: { path: { id: subjectId } }, body: { callerId } })),
    onSuccess,
  });
  const remove = useGuardedMutation({
    mutationFn: (number: string) => orThrow(api.DELETE('/api/v1/customers/{id}/caller-ids/{number}', { params: { path: { id: subjectId, number } } })),
    onSuccess,
  });
  const rows = [...customer.callerIds.map((number) => ({ number, pending: false })), ...customer.pendingCallerIds.map((number) => ({ number, pending: true }))];

  return (
    <Stack gap="xs">
      <ProblemAlert error={chooseDefault.error ?? remove.error} />
      {rows.length === 0 && <Text c="dimmed">{t('callerIds.none')}</Text>}
      <Radio.Group value={customer.defaultCallerId ?? ''} onChange={(value) => chooseDefault.mutate(value)} label={t('callerIds.defaultLabel')} description={t('callerIds.defaultHint')}>
        <Stack gap="xs" mt="xs">
          {rows.map(({ number, pending }) => (
            <Paper key={number} withBorder radius="md" p="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                {pending ? (
                  <Group gap="xs">
                    <Text fw={600}>{number}</Text>
                    <Tag color="orange">
                      {t('callerIds.pending')}
                    </Tag>
                  </Group>
                ) : (
                  <Radio value={number} label={<Text fw={600}>{number}</Text>} disabled={disabled || chooseDefault.isPending} aria-label={t('callerIds.makeDefault', { number })} />
                )}
                <Group gap="xs">
                  {number === customer.defaultCallerId && <Tag color="itc">{t('callerIds.default')}</Tag>}
                  <Button size="compact-sm" variant="subtle" color="red" disabled={disabled} loading={remove.isPending && remove.variables === number} onClick={() => {
                      // marked before the request: the feed's event for it can come before the answer
                      if (pending) onWithdraw?.(number);
                      remove.mutate(number, { onError: () => (pending ? onWithdrawFailed?.(number) : undefined) });
                    }} aria-label={t(pending ? 'callerIds.withdrawNumber' : 'callerIds.removeNumber', { number })}>
                    {pending ? t('callerIds.withdraw') : t('callerIds.remove')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
