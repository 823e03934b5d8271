import { useSession } from '@billing/portal-session';
import { ProblemAlert, type TypedNumber, useFormProblem, useGuardedMutation, wholeNumber, WholeNumberInput, wholeNumberProblem } from '@billing/portal-ui';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asJson } from '../shared/as-json.js';
import { useRequired } from '../shared/use-required.js';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import { credentialsCsv } from './credentials-csv.js';
import { customerKeys, type BatchAnswer } from './customer-wire.js';
import { saveTextFile } from './save-text-file.js';
import { useAgentOptions, useProfileOptions } from './use-options.js';

/** The API's batch sizes (docs/API.md §6). */
const MIN_COUNT = 10;
const MAX_COUNT = 1000;
/** the API's refusals about one input that name no field (docs/API.md §6) */
const CODE_FIELDS = { batch_too_small: 'count', batch_too_large: 'count', profile_not_found: 'profileId', profile_archived: 'profileId', profile_owner_mismatch: 'profileId', agent_suspended: 'agentId' } as const;

/**
 * Open 10–1000 customers at once. The API answers their passwords once: the CSV is made from
 * that answer in memory (no second request, nothing stored) and forgotten when the modal closes.
 */
export function OpenBatchModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const keys = useIdempotencyKeys();
  const agents = useAgentOptions();
  const profiles = useProfileOptions();
  const [profileId, setProfileId] = useState<string | null>(null);
  const [agentId, setAgentId] = useState<string | null>(null);
  const [count, setCount] = useState<TypedNumber>(MIN_COUNT);
  const [downloaded, setDownloaded] = useState(false);
  const batch = useGuardedMutation({
    mutationFn: () => {
      const body = { profileId: profileId ?? '', count: wholeNumber(count), ...(agentId === null ? {} : { agentId }) };
      return asJson<BatchAnswer>(api.POST('/api/v1/customers/batch', { body, headers: { 'Idempotency-Key': keys.keyFor(body) } }));
    },
    onSuccess: () => {
      keys.done();
      return queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  const problem = useFormProblem(batch.error, CODE_FIELDS);
  const required = useRequired({ profileId }, ['profileId']);
  const { edited, unplaced } = problem;
  const fields = { ...problem.fields, ...required.errors };
  const close = () => {
    batch.reset(); // forgets the passwords
    setDownloaded(false);
    onClose();
  };
  const answer = batch.data;
  return (
    <Modal opened={opened} onClose={close} title={t('customers.batch.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      {answer === undefined ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // never open another number of customers than typed (irreversible): the input says why
            if (required.filled() && wholeNumberProblem(count, MIN_COUNT, MAX_COUNT) === null) batch.mutate();
          }}
        >
          <Stack gap="sm">
            <Select label={t('customers.open.profile')} data={profiles} value={profileId} onChange={(value) => { setProfileId(value); edited('profileId'); }} error={fields['profileId']} required searchable />
            <Select label={t('customers.open.agent')} description={t('customers.open.agentHint')} data={agents.map((a) => ({ value: a.id, label: a.name }))} value={agentId} onChange={(value) => { setAgentId(value); edited('agentId'); }} error={fields['agentId']} clearable searchable />
            <WholeNumberInput label={t('customers.batch.count')} min={MIN_COUNT} max={MAX_COUNT} value={count} onChange={(value) => { setCount(value); edited('count'); }} error={fields['count']} required />
            <ProblemAlert error={unplaced} />
            <Group justify="flex-end"><Button type="submit" loading={batch.isPending}>{t('customers.batch.submit')}</Button></Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm">
          <Text>{t('customers.batch.opened', { count: answer.customers.length, batchId: answer.batchId })}</Text>
          {answer.credentialsIncluded ? (
            <>
              <Alert color="yellow" variant="light" role="status">{downloaded ? t('customers.batch.downloaded') : t('customers.open.shownOnce')}</Alert>
              <Group>
                <Button onClick={() => { saveTextFile(credentialsCsv(answer), `batch-${answer.batchId}-credentials.csv`); setDownloaded(true); }}>
                  {t('customers.batch.download')}
                </Button>
              </Group>
            </>
          ) : (
            <Alert color="orange" variant="light">{t('customers.batch.replayed')}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="light" onClick={() => { const batchId = answer.batchId; close(); void navigate({ to: '/admin/customers', search: { batchId } }); }}>{t('customers.batch.show')}</Button>
            <Button onClick={close}>{t('customers.open.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
