import { orThrow, useSession } from '@billing/portal-session';
import { MoneyText, problemOf, ProblemAlert, useGuardedMutation, useProblemText } from '@billing/portal-ui';
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { RateParts } from './RateParts.js';
import { useTranslation } from 'react-i18next';

/** "What does a call to this number cost me?" (GET /customers/{id}/rates/lookup). */
export function RateLookup({ currency }: { currency: string }) {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const [number, setNumber] = useState('');
  const lookup = useGuardedMutation({
    mutationFn: (value: string) => orThrow(api.GET('/api/v1/customers/{id}/rates/lookup', { params: { path: { id: subjectId }, query: { number: value } } })),
  });
  const problem = problemOf(lookup.error);
  const problemText = useProblemText();
  // "no rate for this number" and a malformed number are answers about the field, in the portal's language.
  const fieldError = problem !== null && ['invalid_destination', 'no_rate', 'validation'].includes(problem.code) ? (problemText(problem) ?? undefined) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (number.trim() !== '') lookup.mutate(number.trim());
  };
  const rate = lookup.data;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t('rates.lookupNumber')} placeholder="+44 20 7946 0958" inputMode="tel" value={number} error={fieldError} onChange={(event) => {
              setNumber(event.currentTarget.value);
              // an answer about the number typed before is no longer true
              if (lookup.error !== null) lookup.reset();
            }} style={{ flex: '1 1 200px' }} />
          <Button type="submit" mt={{ base: 0, xs: 25 }} loading={lookup.isPending} disabled={number.trim() === ''}>
            {t('rates.lookup')}
          </Button>
        </Group>
        {fieldError === undefined && <ProblemAlert error={lookup.error} />}
        {rate !== undefined && (
          <Paper withBorder radius="md" p="sm" role="status">
            <Text fw={600}>
              {rate.rate.destination} ({rate.rate.prefix})
            </Text>
            <Text size="sm">
              {t('rates.perMinute')}: <MoneyText amount={rate.ratePerMinute} currency={currency} fw={700} />
              {' · '}
              {t('rates.connectFee')}: <MoneyText amount={rate.rate.connectFee} currency={currency} />
            </Text>
            <RateParts row={rate.rate} currency={currency} />
          </Paper>
        )}
      </Stack>
    </form>
  );
}
