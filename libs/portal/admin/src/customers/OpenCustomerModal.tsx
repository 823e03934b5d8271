import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useFormProblem, useGuardedMutation } from '@billing/portal-ui';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import { customerKeys } from './customer-wire.js';
import { SecretsTable } from './SecretsTable.js';
import { useAgentOptions, useProfileOptions } from './use-options.js';
import { useRequired } from '../shared/use-required.js';

/** the API's refusals about one input that name no field (docs/API.md §6) */
const OPEN_FIELDS = { username_taken: 'portalUsername', username_reserved: 'portalUsername', profile_not_found: 'profileId', profile_archived: 'profileId', profile_owner_mismatch: 'profileId', agent_suspended: 'agentId' } as const;

/** Open one customer from a profile; its passwords are shown once, from the answer. */
export function OpenCustomerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const agents = useAgentOptions();
  const profiles = useProfileOptions();
  const [profileId, setProfileId] = useState<string | null>(null);
  const [agentId, setAgentId] = useState<string | null>(null);
  const [contactEmail, setContactEmail] = useState('');
  const [portalUsername, setPortalUsername] = useState('');
  const open = useGuardedMutation({
    mutationFn: () => {
      const body = {
        profileId: profileId ?? '',
        ...(agentId === null ? {} : { agentId }),
        ...(contactEmail.trim() === '' ? {} : { contactEmail: contactEmail.trim() }),
        ...(portalUsername.trim() === '' ? {} : { portalUsername: portalUsername.trim() }),
      };
      return orThrow(api.POST('/api/v1/customers', { body, headers: { 'Idempotency-Key': keys.keyFor(body) } }));
    },
    onSuccess: () => {
      keys.done();
      return queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  const problem = useFormProblem(open.error, OPEN_FIELDS);
  const required = useRequired({ profileId }, ['profileId']);
  const { edited, unplaced } = problem;
  const fields = { ...problem.fields, ...required.errors };
  const close = () => {
    open.reset();
    onClose();
  };
  const answer = open.data;
  return (
    <Modal opened={opened} onClose={close} title={t('customers.open.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      {answer === undefined ? (
        <form onSubmit={(event) => { event.preventDefault(); if (required.filled()) open.mutate(); }} noValidate>
          <Stack gap="sm">
            <Select label={t('customers.open.profile')} data={profiles} value={profileId} onChange={(value) => { setProfileId(value); edited('profileId'); }} error={fields['profileId']} required searchable />
            <Select label={t('customers.open.agent')} description={t('customers.open.agentHint')} data={agents.map((a) => ({ value: a.id, label: a.name }))} value={agentId} onChange={(value) => { setAgentId(value); edited('agentId'); }} error={fields['agentId']} clearable searchable />
            <TextInput label={t('customers.open.contactEmail')} type="email" value={contactEmail} onChange={(event) => { setContactEmail(event.currentTarget.value); edited('contactEmail'); }} error={fields['contactEmail']} />
            <TextInput label={t('customers.open.portalUsername')} description={t('customers.open.portalUsernameHint')} value={portalUsername} onChange={(event) => { setPortalUsername(event.currentTarget.value); edited('portalUsername'); }} error={fields['portalUsername']} />
            <ProblemAlert error={unplaced} />
            <Group justify="flex-end"><Button type="submit" loading={open.isPending}>{t('customers.open.submit')}</Button></Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm">
          {answer.credentials === null ? (
            <Alert color="orange" variant="light">{t('customers.batch.replayed')}</Alert>
          ) : (
          <>
          <Alert color="green" variant="light">{t('customers.open.shownOnce')}</Alert>
          <SecretsTable
            rows={[
              [t('customers.credentials.accountNumber'), answer.credentials.accountNumber],
              [t('customers.credentials.sipUsername'), answer.credentials.sipUsername],
              [t('customers.credentials.sipPassword'), answer.credentials.sipPassword],
              [t('customers.credentials.sipRealm'), answer.credentials.sipRealm],
              [t('customers.credentials.portalUsername'), answer.credentials.portalUsername],
              [t('customers.credentials.portalPassword'), answer.credentials.portalPassword],
              ...answer.credentials.furtherSipUsers.map((user) => [user.sipUsername, user.sipPassword] as const),
            ]}
          />
          </>
          )}
          <Group justify="flex-end">
            <Button variant="light" onClick={close} renderRoot={(props) => <Link {...props} to="/admin/customers/$customerId" params={{ customerId: answer.customer.id }} search={{}} />}>
              {t('customers.open.goTo')}
            </Button>
            <Button onClick={close}>{t('customers.open.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
