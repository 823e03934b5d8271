import { useSession, orThrow } from '@billing/portal-session';
import { MoneyInput, ProblemAlert, useProblemFields, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';

// a markup out of range (422 invalid_markup) names no field: it is about the markup input
const MARKUP_PROBLEMS = { invalid_markup: 'markupPercent' };

/** A new markup for one of the agent's derived sheets (applies to calls starting from now). */
export function MarkupModal({ sheetId, name, markupPercent, onClose }: { sheetId: string; name: string; markupPercent: string; onClose: () => void }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  // '' while empty or not a number in the page's language (MoneyInput reads the language's decimal mark)
  const [value, setValue] = useState(markupPercent);
  const change = useGuardedMutation({
    mutationFn: (body: { markupPercent: string }) => orThrow(api.PATCH('/api/v1/rate-sheets/{id}', { params: { path: { id: sheetId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...agentKeys.all, 'sheets'] });
      onClose();
    },
  });
  const fields = useProblemFields(change.error, MARKUP_PROBLEMS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value === '') return; // MoneyInput already says why at the input
    change.mutate({ markupPercent: value });
  };
  return (
    <Modal opened onClose={onClose} title={t('sheets.markupTitle', { name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <MoneyInput label={t('sheets.markup')} description={t('sheets.markupFromNow')} value={value} onChange={(next) => setValue(next ?? '')} error={fields['markupPercent']} required data-autofocus />
          <ProblemAlert error={fields['markupPercent'] === undefined ? change.error : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={change.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
