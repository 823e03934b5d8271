import { orThrow, useSession } from '@billing/portal-session';
import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AgentForm } from './AgentForm.js';
import { changeAgentBody, valuesFromAgent, type AgentFormValues } from './agent-form-values.js';
import type { Agent } from './agent-wire.js';
import { useInvalidateAgent } from './use-agent.js';
import { useRateSheetOptions } from './use-rate-sheet-options.js';
import { useGuardedMutation } from '@billing/portal-ui';

/** PATCH /agents/{id} with only the fields that changed (nothing changed: just closes). */
export function EditAgentModal({ agent, opened, onClose }: { agent: Agent; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const sheets = useRateSheetOptions();
  const invalidate = useInvalidateAgent(agent.id);
  const phone = useMediaQuery('(max-width: 36em)');
  const change = useGuardedMutation({
    mutationFn: async (values: AgentFormValues) => {
      const body = changeAgentBody(values, agent, i18n.language);
      if (Object.keys(body).length === 0) return agent;
      return orThrow(api.PATCH('/api/v1/agents/{id}', { params: { path: { id: agent.id } }, body }));
    },
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('agents.form.editTitle')} size="xl" fullScreen={phone === true} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      {opened && <AgentForm mode="edit" initial={valuesFromAgent(agent)} sheets={sheets} onSubmit={(values) => change.mutate(values)} onCancel={onClose} error={change.error} pending={change.isPending} />}
    </Modal>
  );
}
