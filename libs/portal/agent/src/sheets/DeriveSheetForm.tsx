import { useSession, orThrow } from '@billing/portal-session';
import { MoneyInput, ProblemAlert, useProblemFields, useSubmitOnce } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';

// a markup out of range (422 invalid_markup) names no field: it is about the markup input; 409 name_taken is about the name
const DERIVE_PROBLEMS = { invalid_markup: 'markupPercent', name_taken: 'name' };

/** Derives a sheet from the one ITC assigned: its prices + a markup (for other customers' prices). */
export function DeriveSheetForm({ assignedSheetId }: { assignedSheetId: string }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  // '' while empty or not a number in the page's language (MoneyInput reads the language's decimal mark)
  const [markupPercent, setMarkupPercent] = useState('');
  const once = useSubmitOnce();
  const derive = useMutation({
    mutationFn: (body: { name: string; markupPercent: string }) => orThrow(api.POST('/api/v1/rate-sheets/{id}/derived', { params: { path: { id: assignedSheetId } }, body })),
    onSuccess: () => {
      setName('');
      setMarkupPercent('');
      void queryClient.invalidateQueries({ queryKey: [...agentKeys.all, 'sheets'] });
    },
  });
  const fields = useProblemFields(derive.error, DERIVE_PROBLEMS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (markupPercent === '') return; // MoneyInput already says why at the input
    // the name as typed: the API gives it its normal form and refuses an invisible character (docs/API.md §1 Names)
    once(() => derive.mutateAsync({ name, markupPercent }));
  };
  return (
    <Card withBorder padding="md" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('sheets.derive')}</Text>
        <Text size="sm" c="dimmed">{t('sheets.deriveHint')}</Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label={t('sheets.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={fields['name']} required maxLength={100} style={{ flex: '2 1 200px' }} />
          <MoneyInput label={t('sheets.markup')} description={t('sheets.markupHint')} value={markupPercent} onChange={(value) => setMarkupPercent(value ?? '')} error={fields['markupPercent']} required style={{ flex: '1 1 140px' }} />
        </Group>
        <ProblemAlert error={fields['name'] === undefined && fields['markupPercent'] === undefined ? derive.error : null} />
        <Group><Button type="submit" loading={derive.isPending} disabled={name.trim() === ''}>{t('sheets.deriveButton')}</Button></Group>
      </Stack>
    </Card>
  );
}
