import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation, useProblemFields } from '@billing/portal-ui';
import { Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMarkupProblem, parseMarkup } from './markup-input.js';
import { sheetKeys } from './sheet-wire.js';
import { useRequired } from '../shared/use-required.js';

// 409 name_taken (ITC has a sheet of that name: names are the same when their normal forms — NFC,
// whitespace runs one space, trimmed — match case-insensitively, docs/API.md §1 Names) names no field:
// it is about the name input
const DERIVE_PROBLEMS = { name_taken: 'name' } as const;

/** Derive a sheet from this one: every rate and connect fee + markup %. */
export function DeriveForm({ sheetId, sheetName }: { sheetId: string; sheetName: string }) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(`${sheetName} +20%`.slice(0, 100));
  const [markup, setMarkup] = useState('20');
  const [badMarkup, setBadMarkup] = useState(false);
  const derive = useGuardedMutation({
    // the name as typed: the API gives it its normal form (docs/API.md §1 Names)
    mutationFn: (markupPercent: string) => orThrow(api.POST('/api/v1/rate-sheets/{id}/derived', { params: { path: { id: sheetId } }, body: { name, markupPercent } })),
    onSuccess: async (sheet) => {
      await queryClient.invalidateQueries({ queryKey: sheetKeys.all });
      await navigate({ to: '/admin/sheets/$sheetId', params: { sheetId: sheet.sheetId }, search: {} });
    },
  });
  const required = useRequired({ name }, ['name']);
  const fields = { ...useProblemFields(derive.error, DERIVE_PROBLEMS), ...required.errors };
  const markupError = badMarkup || isMarkupProblem(derive.error, fields) ? t('sheets.errors.markup') : undefined;
  const submit = () => {
    const markupPercent = parseMarkup(markup, i18n.language);
    setBadMarkup(markupPercent === null);
    if (required.filled() && markupPercent !== null) derive.mutate(markupPercent);
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">{t('sheets.derive.title')}</Title>
          <Stack gap="sm">
            <TextInput label={t('sheets.derive.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={fields['name']} required />
            <TextInput label={t('sheets.derive.markup')} value={markup} onChange={(event) => { setMarkup(event.currentTarget.value); setBadMarkup(false); }} error={markupError} required inputMode="decimal" rightSection="%" />
          </Stack>
          <ProblemAlert error={fields['name'] === undefined && markupError === undefined ? derive.error : null} />
          <Group><Button type="submit" loading={derive.isPending}>{t('sheets.derive.submit')}</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}
