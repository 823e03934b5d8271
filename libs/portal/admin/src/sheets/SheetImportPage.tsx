import { ProblemAlert, problemOf, useProblemFields } from '@billing/portal-ui';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequired } from '../shared/use-required.js';
import { DeckForm } from './DeckForm.js';
import { DeckPreviewPanel } from './DeckPreviewPanel.js';
import type { DeckForm as DeckFormValues } from './deck-request.js';
import { useSheetLabels } from './sheet-labels.js';
import { DeckFormError, useDeckImport } from './use-deck-import.js';

// 409 name_taken (ITC has a sheet of that name: names are the same when their normal forms — NFC,
// whitespace runs one space, trimmed — match case-insensitively, docs/API.md §1 Names) names no field:
// it is about the name input
const IMPORT_PROBLEMS = { name_taken: 'name' } as const;
const EMPTY: DeckFormValues = { text: '', fileName: null, name: '', effectiveFrom: '', decimals: null, mode: null };

/** Import a deck as a new sheet (or, ?sheetId=, a new version): preview first, then commit what was previewed. */
export function SheetImportPage() {
  const { t } = useTranslation('admin');
  const { sheetId } = useSearch({ from: '/admin/sheets/import' });
  const navigate = useNavigate();
  const [form, setForm] = useState<DeckFormValues>(EMPTY);
  const required = useRequired(form, sheetId === undefined ? ['name'] : []);
  const [previewed, setPreviewed] = useState<DeckFormValues | null>(null);
  const { preview, commit } = useDeckImport(sheetId ?? null);
  const labels = useSheetLabels();
  const error = commit.error ?? preview.error;
  const serverErrors = useProblemFields(error, IMPORT_PROBLEMS);
  // said next to the name input instead of in the box (a new version has no name input: the box says it)
  const atNameInput = sheetId === undefined && problemOf(error)?.code === 'name_taken';
  const fieldErrors = { ...serverErrors, ...required.errors };
  const formError = error instanceof DeckFormError ? error : null;
  const current = previewed === form && preview.data !== undefined ? preview.data : null;

  return (
    <Stack gap="md" maw={1100}>
      <Anchor size="sm" renderRoot={(props) => (sheetId === undefined ? <Link {...props} to="/admin/sheets" /> : <Link {...props} to="/admin/sheets/$sheetId" params={{ sheetId }} search={{}} />)}>
        {t('sheets.back')}
      </Anchor>
      <Title order={1} size="h2">{sheetId === undefined ? t('sheets.import.title') : t('sheets.import.versionTitle', { sheet: labels.get(sheetId) ?? '…' })}</Title>
      <Text c="dimmed" size="sm">{t('sheets.import.intro')}</Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!required.filled()) return;
          setPreviewed(form);
          preview.mutate(form);
        }}
      >
        <Stack gap="sm">
          <DeckForm value={form} onChange={setForm} withName={sheetId === undefined} fieldErrors={fieldErrors} />
          <Group>
            <Button type="submit" variant="light" loading={preview.isPending}>{t('sheets.import.preview')}</Button>
            <Button
              disabled={current === null || !current.valid}
              loading={commit.isPending}
              onClick={() =>
                commit.mutate(form, {
                  onSuccess: (sheet) => void navigate({ to: '/admin/sheets/$sheetId', params: { sheetId: sheet.sheetId }, search: {} }),
                })
              }
            >
              {t('sheets.import.commit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {formError !== null ? <Alert color="red" role="alert">{t(`sheets.import.formError.${formError.reason}`)}</Alert> : <ProblemAlert error={atNameInput ? null : error} withFieldErrors />}
      {previewed !== null && previewed !== form && preview.data !== undefined && <Text size="sm" c="orange">{t('sheets.import.changed')}</Text>}
      {current !== null && <DeckPreviewPanel preview={current} />}
    </Stack>
  );
}
