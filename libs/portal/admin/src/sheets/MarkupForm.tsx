import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation, useProblemFields } from '@billing/portal-ui';
import { Button, Card, Group, List, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMarkupProblem, parseMarkup } from './markup-input.js';
import { sheetKeys, type SheetWithRows } from './sheet-wire.js';

/** A derived sheet's markup: change it (from now on) and see its history. */
export function MarkupForm({ sheet }: { sheet: SheetWithRows }) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [markup, setMarkup] = useState(sheet.markupPercent ?? '');
  const [badMarkup, setBadMarkup] = useState(false);
  const change = useGuardedMutation({
    mutationFn: (markupPercent: string) => orThrow(api.PATCH('/api/v1/rate-sheets/{id}', { params: { path: { id: sheet.sheetId } }, body: { markupPercent } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sheetKeys.all }),
  });
  const fields = useProblemFields(change.error);
  const markupError = badMarkup || isMarkupProblem(change.error, fields) ? t('sheets.errors.markup') : undefined;
  const submit = () => {
    const markupPercent = parseMarkup(markup, i18n.language);
    setBadMarkup(markupPercent === null);
    if (markupPercent !== null) change.mutate(markupPercent);
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">{t('sheets.markup.title')}</Title>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('sheets.markup.label')} value={markup} onChange={(event) => { setMarkup(event.currentTarget.value); setBadMarkup(false); }} error={markupError} required inputMode="decimal" rightSection="%" />
            <Button type="submit" loading={change.isPending}>{t('sheets.markup.submit')}</Button>
          </Group>
          <ProblemAlert error={markupError === undefined ? change.error : null} />
          <List size="sm" aria-label={t('sheets.markup.history')}>
            {sheet.markups.map((step) => (
              <List.Item key={step.effectiveFrom}>{t('sheets.markup.step', { percent: step.markupPercent, at: new Date(step.effectiveFrom).toLocaleString(i18n.language) })}</List.Item>
            ))}
          </List>
        </Stack>
      </form>
    </Card>
  );
}
