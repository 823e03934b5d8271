import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useFormProblem } from '@billing/portal-ui';
import { Button, Card, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from './customer-wire.js';
import { useCustomerCommand } from './use-customer.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useRequired } from '../shared/use-required.js';

/** the API's refusals of the number that name no field (docs/API.md §6) */
const CALLER_ID_FIELDS = { invalid_caller_id: 'callerId', caller_ids_full: 'callerId' } as const;

type Decision = { kind: 'approve' | 'reject'; number: string };

/** Approved CallerIDs, the pending ones to approve or reject, add one (approved at once); FollowMe (read). */
export function CallerIdsPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const id = customer.id;
  const [number, setNumber] = useState('');
  const decide = useCustomerCommand(id, ({ kind, number: callerId }: Decision) => {
    const params = { params: { path: { id, number: callerId } } };
    return kind === 'approve' ? orThrow(api.POST('/api/v1/customers/{id}/caller-ids/{number}/approve', params)) : orThrow(api.POST('/api/v1/customers/{id}/caller-ids/{number}/reject', params));
  });
  const add = useCustomerCommand(id, async () => {
    const answer = await orThrow(api.POST('/api/v1/customers/{id}/caller-ids', { params: { path: { id } }, body: { callerId: number.trim() } }));
    setNumber('');
    return answer;
  });
  const problem = useFormProblem(add.error, CALLER_ID_FIELDS);
  const required = useRequired({ callerId: number }, ['callerId']);
  const { edited, unplaced } = problem;
  const fields = { ...problem.fields, ...required.errors };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={2} size="h4">{t('customers.callerIds.title')}</Title>
          <Text fw={600} size="sm">{t('customers.callerIds.approved')}</Text>
          {customer.callerIds.length === 0 ? <Text size="sm" c="dimmed">{t('customers.callerIds.none')}</Text> : (
            <List size="sm">
              {customer.callerIds.map((callerId) => (
                <List.Item key={callerId}>{callerId} {callerId === customer.defaultCallerId && <StatusBadge size="xs">{t('customers.callerIds.default')}</StatusBadge>}</List.Item>
              ))}
            </List>
          )}
          <Text fw={600} size="sm">{t('customers.callerIds.pending')}</Text>
          {customer.pendingCallerIds.length === 0 ? <Text size="sm" c="dimmed">{t('customers.callerIds.none')}</Text> : (
            <Stack gap={4}>
              {customer.pendingCallerIds.map((callerId) => (
                <Group key={callerId} gap="xs" wrap="wrap">
                  <Text size="sm" ff="monospace">{callerId}</Text>
                  <Button size="xs" variant="light" aria-label={t('customers.callerIds.approveLabel', { number: callerId })} loading={decide.isPending && decide.variables?.number === callerId && decide.variables.kind === 'approve'} onClick={() => decide.mutate({ kind: 'approve', number: callerId })}>{t('customers.callerIds.approve')}</Button>
                  <Button size="xs" color="red" variant="subtle" aria-label={t('customers.callerIds.rejectLabel', { number: callerId })} loading={decide.isPending && decide.variables?.number === callerId && decide.variables.kind === 'reject'} onClick={() => decide.mutate({ kind: 'reject', number: callerId })}>{t('customers.callerIds.reject')}</Button>
                </Group>
              ))}
            </Stack>
          )}
          <ProblemAlert error={decide.error} />
          {customer.status !== 'closed' && (
            <form onSubmit={(event) => { event.preventDefault(); if (required.filled()) add.mutate(undefined); }} noValidate>
              <Group align="flex-start" wrap="wrap">
                <TextInput label={t('customers.callerIds.number')} placeholder="+15551230000" value={number} onChange={(event) => { setNumber(event.currentTarget.value); edited('callerId'); }} error={fields['callerId']} required inputMode="tel" miw={180} />
                <Button type="submit" mt={25} variant="light" loading={add.isPending}>{t('customers.callerIds.add')}</Button>
              </Group>
              <ProblemAlert error={unplaced} />
            </form>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">{t('customers.callerIds.followMe')}</Title>
            <StatusBadge color={customer.followMe.enabled ? 'green' : 'gray'}>{customer.followMe.enabled ? t('customers.callerIds.followMeOn') : t('customers.callerIds.followMeOff')}</StatusBadge>
          </Group>
          {customer.followMe.targets.length === 0 ? <Text size="sm" c="dimmed">{t('customers.callerIds.none')}</Text> : (
            <List type="ordered" size="sm">
              {customer.followMe.targets.map((target) => (
                <List.Item key={target.destination}>{target.destination} · {t('customers.callerIds.ringSeconds', { count: target.ringSeconds })}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
