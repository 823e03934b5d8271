import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, TrunkAddressesTable, useFormProblem } from '@billing/portal-ui';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequired } from '../shared/use-required.js';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import { customerKeys, type Customer, type TrunkAddress } from './customer-wire.js';
import { useCustomerCommand } from './use-customer.js';

/** problems about the address that name no field (docs/API.md §6c) */
const CODE_FIELDS = { invalid_trunk_address: 'address', trunk_address_overlaps: 'address', trunk_address_taken: 'address' } as const;
/** 1–10 of 0–9 * # (docs/API.md §6c): checked here so a longer one is never cut and saved */
const TECH_PREFIX = /^[0-9*#]{1,10}$/;

/** The addresses (IP or CIDR, optional tech prefix) ITC registers for a PBX that does not register. */
export function TrunksPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const id = customer.id;
  const keys = useIdempotencyKeys();
  const trunks = useQuery({ queryKey: customerKeys.part(id, 'trunks'), queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/trunk-addresses', { params: { path: { id } } })) });
  const [address, setAddress] = useState('');
  const [techPrefix, setTechPrefix] = useState('');
  const add = useCustomerCommand(id, async () => {
    const body = { address: address.trim(), techPrefix: techPrefix.trim() === '' ? null : techPrefix.trim() };
    const answer = await orThrow(api.POST('/api/v1/customers/{id}/trunk-addresses', { params: { path: { id } }, body, headers: { 'Idempotency-Key': keys.keyFor(body) } }));
    keys.done();
    setAddress('');
    setTechPrefix('');
    return answer;
  });
  const remove = useCustomerCommand(id, (trunk: TrunkAddress) =>
    orThrow(
      api.DELETE('/api/v1/customers/{id}/trunk-addresses', {
        params: { path: { id }, query: { address: trunk.network, ...(trunk.techPrefix === null ? {} : { techPrefix: trunk.techPrefix }) } },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    ),
  );
  const problem = useFormProblem(add.error, CODE_FIELDS);
  const required = useRequired({ address }, ['address']);
  const { edited, unplaced } = problem;
  const fields = { ...problem.fields, ...required.errors };
  const prefix = techPrefix.trim();
  const prefixError = prefix === '' || TECH_PREFIX.test(prefix) ? fields['techPrefix'] : t('customers.trunks.techPrefixInvalid');
  return (
    <Stack gap="md">
      <Title order={2} size="h4">{t('customers.trunks.title')}</Title>
      <Text size="sm" c="dimmed">{t('customers.trunks.intro')}</Text>
      <ProblemAlert error={trunks.error ?? remove.error} />
      <TrunkAddressesTable<TrunkAddress>
        rows={trunks.data?.items ?? []}
        loading={trunks.isPending}
        texts={{ caption: t('customers.trunks.title'), address: t('customers.trunks.address'), techPrefix: t('customers.trunks.techPrefix'), noTechPrefix: t('customers.trunks.none'), addedAt: t('customers.trunks.addedAt') }}
        extraColumns={[
          {
            key: 'remove',
            header: '',
            render: (trunk) => (
              <Button size="xs" variant="subtle" color="red" aria-label={t('customers.trunks.removeLabel', { network: trunk.network })} loading={remove.isPending && remove.variables === trunk} onClick={() => remove.mutate(trunk)}>
                {t('customers.trunks.remove')}
              </Button>
            ),
          },
        ]}
      />
      {customer.status !== 'closed' && (
        <form onSubmit={(event) => { event.preventDefault(); if (required.filled() && (prefix === '' || TECH_PREFIX.test(prefix))) add.mutate(undefined); }} noValidate>
          <Group align="flex-start" wrap="wrap">
            <TextInput label={t('customers.trunks.address')} placeholder="203.0.113.0/24" value={address} onChange={(event) => { setAddress(event.currentTarget.value); edited('address'); }} error={fields['address']} required miw={200} />
            <TextInput label={t('customers.trunks.techPrefix')} placeholder="1234" value={techPrefix} onChange={(event) => { setTechPrefix(event.currentTarget.value); edited('techPrefix'); }} error={prefixError} w={160} />
            <Button type="submit" mt={25} loading={add.isPending}>{t('customers.trunks.add')}</Button>
          </Group>
          <ProblemAlert error={unplaced} />
        </form>
      )}
    </Stack>
  );
}
