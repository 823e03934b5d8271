import { useSession, orThrow } from '@billing/portal-session';
import { useProblemFields, useSubmitOnce } from '@billing/portal-ui';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { keyFailure, useIdempotencyKeys } from '../hooks/use-idempotency-keys.js';
import { CredentialsView, keepFirstCredentials, type OpenedCredentials } from './CredentialsView.js';
import { MoneyProblemAlert } from '../hooks/MoneyProblemAlert.js';

/** Opens a customer from one of the profiles the agent may use (its own or ITC's); shows the credentials once. */
export function OpenCustomerModal({ opened, onClose, initialProfileId = null }: { opened: boolean; onClose: () => void; initialProfileId?: string | null }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const once = useSubmitOnce();
  const [profileId, setProfileId] = useState<string | null>(initialProfileId);
  // opened again for another profile: preselect it.
  const [shownFor, setShownFor] = useState(initialProfileId);
  if (shownFor !== initialProfileId) {
    setShownFor(initialProfileId);
    setProfileId(initialProfileId);
  }
  const [contactEmail, setContactEmail] = useState('');
  const [credentials, setCredentials] = useState<OpenedCredentials | null>(null);
  const profiles = useQuery({ queryKey: agentKeys.profiles(), enabled: opened, queryFn: () => orThrow(api.GET('/api/v1/customer-profiles', { params: { query: { limit: 200 } } })) });
  const open = useMutation({
    mutationFn: (body: { profileId: string; contactEmail?: string }) => orThrow(api.POST('/api/v1/customers', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onError: keyFailure(keys),
    onSuccess: (result) => {
      keys.settled();
      // the JSON answer carries the passwords once; a replay of the same key answers without them:
      // keep the first answer that carried them, never overwrite it.
      setCredentials((current) => keepFirstCredentials(current, result));
      void queryClient.invalidateQueries({ queryKey: agentKeys.all });
    },
  });
  const fields = useProblemFields(open.error);
  const close = () => {
    setCredentials(null);
    setProfileId(initialProfileId);
    setContactEmail('');
    open.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (profileId === null) return;
    const email = contactEmail.trim();
    const body = { profileId, ...(email === '' ? {} : { contactEmail: email }) };
    once(() => open.mutateAsync(body));
  };
  const options = (profiles.data?.items ?? [])
    .filter((profile) => profile.status === 'active')
    .map((profile) => ({ value: profile.id, label: `${profile.name} · ${t(`billing.${profile.billingType}`)}${profile.ownerAgentId === null ? ` · ${t('open.itcProfile')}` : ''}` }));
  return (
    <Modal opened={opened} onClose={close} title={t('open.title')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      {credentials !== null ? (
        <CredentialsView credentials={credentials} onDone={close} />
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Select label={t('open.profile')} data={options} value={profileId} onChange={setProfileId} error={fields['profileId']} required searchable nothingFoundMessage={t('open.noProfiles')} />
            <TextInput label={t('open.contactEmail')} type="email" value={contactEmail} onChange={(event) => setContactEmail(event.currentTarget.value)} error={fields['contactEmail']} />
            <MoneyProblemAlert error={fields['profileId'] === undefined && fields['contactEmail'] === undefined ? open.error : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button type="submit" loading={open.isPending} disabled={profileId === null}>{t('open.submit')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
