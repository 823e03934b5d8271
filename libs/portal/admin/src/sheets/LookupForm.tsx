import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation, useProblemFields } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import { useRequired } from '../shared/use-required.js';

/** The price a number gets from this sheet now (longest prefix). */
export function LookupForm({ sheetId }: { sheetId: string }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const [number, setNumber] = useState('');
  const lookup = useGuardedMutation({ mutationFn: (value: string) => orThrow(api.GET('/api/v1/rate-sheets/{id}/lookup', { params: { path: { id: sheetId }, query: { number: value } } })) });
  const required = useRequired({ number }, ['number']);
  const fields = { ...useProblemFields(lookup.error), ...required.errors };
  const found = lookup.data;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('sheets.lookup.title')}</Title>
        <form onSubmit={(event) => { event.preventDefault(); if (required.filled()) lookup.mutate(number.trim()); }} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('sheets.lookup.number')} placeholder="+442079460958" value={number} onChange={(event) => setNumber(event.currentTarget.value)} error={fields['number']} required inputMode="tel" />
            <Button type="submit" variant="light" loading={lookup.isPending}>{t('sheets.lookup.submit')}</Button>
          </Group>
        </form>
        {fields['number'] === undefined && <ProblemAlert error={lookup.error} />}
        {found !== undefined && (
          <Text size="sm" aria-live="polite">
            {t('sheets.lookup.result', { prefix: found.rate.prefix, destination: found.rate.destination })} <Money amount={found.ratePerMinute} fw={700} />
            {t('sheets.rows.perMinute')}
            {found.rate.connectFee !== '0' && (
              <>
                {' · '}
                {t('sheets.rows.connectFee')} <Money amount={found.rate.connectFee} />
              </>
            )}
            {found.markupPercent !== null && ` · ${t('sheets.markup.current', { percent: found.markupPercent })}`}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
