import { orThrow, useSession } from '@billing/portal-session';
import { Button, Card, Group, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { billingTermsChange, billingTermsValues, type BillingTermsChange, type BillingTermsValues } from './billing-terms.js';
import type { BillingTermsCardProps } from '../BillingTermsCard.js';
import { MoneyInput } from '../MoneyInput.js';
import { ProblemAlert } from '../ProblemAlert.js';
import { StatusText } from '../StatusText.js';
import { useFormProblem } from '../use-form-problem.js';
import { useGuardedMutation } from '../use-guarded-mutation.js';

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

/**
 * The customer's rate sheet and (postpaid) credit limit, changed with PATCH /customers/{id}; ITC's
 * and the agent's pages share it, each with its own sheets, words and refresh (loaded lazily by
 * ../BillingTermsCard.tsx).
 */
export function BillingTermsCardForm({ customerId, terms, closed, sheets, searchable = false, texts, onSaved }: BillingTermsCardProps) {
  const { api } = useSession();
  const [values, setValues] = useState<BillingTermsValues>(() => billingTermsValues(terms));
  // the saved terms changed (this save, the live feed, another tab): show them
  const termsText = JSON.stringify(terms);
  const [shownTerms, setShownTerms] = useState(termsText);
  if (shownTerms !== termsText) {
    setShownTerms(termsText);
    setValues(billingTermsValues(terms));
  }
  const [badLimit, setBadLimit] = useState(false);
  const change = billingTermsChange(terms, values);
  const save = useGuardedMutation({
    mutationFn: (body: BillingTermsChange) => orThrow(api.PATCH('/api/v1/customers/{id}', { params: { path: { id: customerId } }, body })),
    onSuccess: () => onSaved(),
  });
  const { fields, edited, unplaced } = useFormProblem(save.error, CODE_FIELDS);
  const nothing = Object.keys(change).length === 0;
  // the select shows no option for a sheet none of `sheets`: its description says which one it is
  const otherSheet = sheets.some((sheet) => sheet.value === values.rateSheetId) ? undefined : texts.otherSheet;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!nothing && !badLimit) save.mutate(change);
  };
  return (
    <Card withBorder padding="md" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Title order={2} size="h4">{texts.title}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={texts.sheet}
            description={
              otherSheet === undefined ? texts.sheetHint : (
                <>
                  <span style={{ display: 'block', fontWeight: 600 }}>{otherSheet}</span>
                  {texts.sheetHint}
                </>
              )
            }
            data={sheets}
            value={values.rateSheetId}
            placeholder={texts.chooseSheet}
            onChange={(rateSheetId) => {
              setValues({ ...values, rateSheetId: rateSheetId ?? values.rateSheetId });
              edited('rateSheetId');
            }}
            error={fields['rateSheetId']}
            disabled={closed}
            searchable={searchable}
            allowDeselect={false}
          />
          {terms.billingType === 'postpaid' && (
            <MoneyInput
              label={texts.creditLimit}
              value={values.creditLimit}
              onChange={(amount) => {
                setValues({ ...values, creditLimit: amount ?? '' });
                setBadLimit(amount === null);
                edited('creditLimit');
              }}
              error={fields['creditLimit']}
              disabled={closed}
              required
            />
          )}
        </SimpleGrid>
        <ProblemAlert error={unplaced} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={closed || nothing || badLimit}>{texts.save}</Button>
          {save.isSuccess && nothing && <StatusText tone="success">{texts.saved}</StatusText>}
        </Group>
      </Stack>
    </Card>
  );
}
