import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert } from '@billing/portal-ui';
import { Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from './customer-wire.js';
import { CustomerStatusBadge } from './CustomerStatusBadge.js';
import { useCustomerCommand } from './use-customer.js';

type Action = 'suspend' | 'reactivate' | 'close';

/** Suspend, reactivate or close (final, confirmed first) with an optional reason. */
export function StatusActions({ customer }: { customer: Customer }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const id = customer.id;
  const command = useCustomerCommand(id, (action: Action) => {
    const body = reason.trim() === '' ? {} : { reason: reason.trim() };
    const path = { params: { path: { id } } };
    if (action === 'suspend') return orThrow(api.POST('/api/v1/customers/{id}/suspend', { ...path, body }));
    if (action === 'close') return orThrow(api.POST('/api/v1/customers/{id}/close', { ...path, body }));
    return orThrow(api.POST('/api/v1/customers/{id}/reactivate', path));
  });
  const closed = customer.status === 'closed';
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">{t('customers.actions.title')}</Title>
          <CustomerStatusBadge status={customer.status} />
        </Group>
        {!closed && (
          <>
            <TextInput label={t('customers.actions.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} maxLength={200} />
            <Group gap="xs">
              {customer.status === 'active' ? (
                <Button variant="light" color="orange" loading={command.isPending && command.variables === 'suspend'} onClick={() => command.mutate('suspend')}>{t('customers.actions.suspend')}</Button>
              ) : (
                <Button variant="light" loading={command.isPending && command.variables === 'reactivate'} onClick={() => command.mutate('reactivate')}>{t('customers.actions.reactivate')}</Button>
              )}
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>{t('customers.actions.close')}</Button>
            </Group>
          </>
        )}
        <ProblemAlert error={command.error} />
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('customers.actions.close')} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
        <Stack gap="sm">
          <Text>{t('customers.actions.confirmClose')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('customers.actions.cancel')}</Button>
            <Button color="red" loading={command.isPending} onClick={() => command.mutate('close', { onSettled: () => setConfirming(false) })}>{t('customers.actions.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
