import { useSession, orThrow } from '@billing/portal-session';
import { ProblemAlert, useProblemFields, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../hooks/Money.js';

// no price for the number, or not a number: answers about the number field
const NUMBER_PROBLEMS = { no_rate: 'number', invalid_destination: 'number' };

/** The price of a number on one of the agent's sheets (what it pays, or what a customer pays). */
export function PriceLookup({ sheets }: { sheets: Array<{ sheetId: string; name: string }> }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const [sheetId, setSheetId] = useState<string | null>(sheets[0]?.sheetId ?? null);
  const [number, setNumber] = useState('');
  const lookup = useGuardedMutation({ mutationFn: (query: { id: string; number: string }) => orThrow(api.GET('/api/v1/rate-sheets/{id}/lookup', { params: { path: { id: query.id }, query: { number: query.number } } })) });
  const fields = useProblemFields(lookup.error, NUMBER_PROBLEMS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sheetId !== null) lookup.mutate({ id: sheetId, number: number.trim() });
  };
  const found = lookup.data;
  return (
    <Card withBorder padding="md" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('sheets.lookup')}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select label={t('sheets.sheet')} data={sheets.map((sheet) => ({ value: sheet.sheetId, label: sheet.name }))} value={sheetId} onChange={setSheetId} allowDeselect={false} style={{ flex: '1 1 180px' }} />
          <TextInput label={t('sheets.number')} value={number} onChange={(event) => setNumber(event.currentTarget.value)} error={fields['number']} inputMode="tel" required style={{ flex: '1 1 180px' }} />
          <Button type="submit" variant="light" loading={lookup.isPending} disabled={sheetId === null || number.trim() === ''}>{t('sheets.lookupButton')}</Button>
        </Group>
        <ProblemAlert error={fields['number'] === undefined ? lookup.error : null} />
        {found !== undefined && (
          <Text size="sm" role="status">
            {found.rate.destination} ({found.rate.prefix}): <Money amount={found.ratePerMinute} /> {t('sheets.perMinute')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
