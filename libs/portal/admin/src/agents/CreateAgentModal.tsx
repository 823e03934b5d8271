import { orThrow, useSession } from '@billing/portal-session';
import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import { AgentForm } from './AgentForm.js';
import { createAgentBody, emptyAgentValues, type AgentFormValues } from './agent-form-values.js';
import { agentKeys } from './agent-wire.js';
import { useRateSheetOptions } from './use-rate-sheet-options.js';
import { useGuardedMutation } from '@billing/portal-ui';

export function CreateAgentModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const sheets = useRateSheetOptions();
  const keys = useIdempotencyKeys();
  const phone = useMediaQuery('(max-width: 36em)');
  const create = useGuardedMutation({
    mutationFn: (values: AgentFormValues) => {
      const body = createAgentBody(values, i18n.language);
      // a registration is idempotent: a retry of the same form is the same agent
      return orThrow(api.POST('/api/v1/agents', { body, headers: { 'Idempotency-Key': keys.keyFor(body) } }));
    },
    onSuccess: async (agent) => {
      keys.done();
      await queryClient.invalidateQueries({ queryKey: agentKeys.all });
      onCreated(agent.id);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('agents.form.createTitle')} size="xl" fullScreen={phone === true} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      {opened && <AgentForm mode="create" initial={emptyAgentValues} sheets={sheets} onSubmit={(values) => create.mutate(values)} onCancel={onClose} error={create.error} pending={create.isPending} />}
    </Modal>
  );
}
