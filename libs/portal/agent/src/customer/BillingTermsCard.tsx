import { orThrow, useSession } from '@billing/portal-session';
import { MoneyInput, normaliseMoney, ProblemAlert, StatusText, useFormProblem, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { useSheets } from '../sheets/use-sheets.js';
import { billingTermsChange, type BillingTerms } from './billing-terms.js';

/** the API's refusals about one term that name no field (docs/API.md §6): shown at that input */
const CODE_FIELDS = {
  rate_sheet_not_found: 'rateSheetId',
  rate_sheet_not_allowed: 'rateSheetId',
  rate_sheet_below_cost: 'rateSheetId',
  credit_limit_not_allowed: 'creditLimit',
  credit_limit_required: 'creditLimit',
  credit_limit_above_agent_maximum: 'creditLimit',
  agent_credit_total_exceeded: 'creditLimit',
} as const;

export interface BillingTermsCardProps {
  customerId: string;
  billingType: 'prepaid' | 'postpaid';
  rateSheetId: string;
  creditLimit: string | null;
  closed: boolean;
}

/**
 * The agent changes its customer's rate sheet (the sheet ITC assigned to it or one it derived) and,
 * for a postpaid customer, the credit limit within what ITC lets it give: PATCH /customers/{id}.
 */
export function BillingTermsCard({ customerId, billingType, rateSheetId, creditLimit, closed }: BillingTermsCardProps) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const sheets = useSheets();
  const saved: BillingTerms = { rateSheetId, creditLimit: normaliseMoney(creditLimit ?? '') ?? '' };
  const [edited, setEdited] = useState(saved);
  // the saved terms changed (this save, the live feed): show them
  const savedText = JSON.stringify(saved);
  const [shownSaved, setShownSaved] = useState(savedText);
  if (shownSaved !== savedText) {
    setShownSaved(savedText);
    setEdited(saved);
  }
  const [badLimit, setBadLimit] = useState(false);
  const postpaid = billingType === 'postpaid';
  const change = billingTermsChange(saved, edited, postpaid);
  const save = useGuardedMutation({
    mutationFn: (body: typeof change) => orThrow(api.PATCH('/api/v1/customers/{id}', { params: { path: { id: customerId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agentKeys.customer(customerId) });
    },
  });
  const { fields, edited: fieldEdited, unplaced } = useFormProblem(save.error, CODE_FIELDS);
  const nothing = Object.keys(change).length === 0;
  const items = sheets.data?.items ?? [];
  const options = items.map((sheet) => ({ value: sheet.sheetId, label: sheet.name }));
  // a sheet the agent cannot see in its list (assigned by ITC before): still shown as what it is
  if (!options.some((option) => option.value === rateSheetId)) options.unshift({ value: rateSheetId, label: rateSheetId });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!nothing && !badLimit) save.mutate(change);
  };
  return (
    <Card withBorder padding="md" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('terms.title')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('terms.sheet')}
            description={t('terms.sheetHint')}
            data={options}
            value={edited.rateSheetId}
            onChange={(value) => {
              setEdited({ ...edited, rateSheetId: value ?? saved.rateSheetId });
              fieldEdited('rateSheetId');
            }}
            error={fields['rateSheetId']}
            disabled={closed}
            allowDeselect={false}
          />
          {postpaid && (
            <MoneyInput
              label={t('terms.creditLimit')}
              value={edited.creditLimit}
              onChange={(amount) => {
                setEdited({ ...edited, creditLimit: amount ?? '' });
                setBadLimit(amount === null);
                fieldEdited('creditLimit');
              }}
              error={fields['creditLimit']}
              disabled={closed}
              required
            />
          )}
        </SimpleGrid>
        <ProblemAlert error={unplaced} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={closed || nothing || badLimit}>{t('common.save')}</Button>
          {save.isSuccess && nothing && <StatusText tone="success">{t('terms.saved')}</StatusText>}
        </Group>
      </Stack>
    </Card>
  );
}
