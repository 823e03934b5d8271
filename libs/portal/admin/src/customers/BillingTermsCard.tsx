import { orThrow, useSession } from '@billing/portal-session';
import { MoneyInput, ProblemAlert, StatusText, useFormProblem } from '@billing/portal-ui';
import { Button, Card, Group, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSheetOptions } from '../profiles/use-sheet-options.js';
import { billingTermsChange, billingTermsValues, type BillingTermsValues } from './billing-terms.js';
import type { Customer } from './customer-wire.js';
import { useCustomerCommand } from './use-customer.js';

/** the API's refusals about one term that name no field (docs/API.md §6) */
const CODE_FIELDS = {
  rate_sheet_not_found: 'rateSheetId',
  rate_sheet_not_allowed: 'rateSheetId',
  rate_sheet_below_cost: 'rateSheetId',
  credit_limit_not_allowed: 'creditLimit',
  credit_limit_required: 'creditLimit',
  credit_limit_above_agent_maximum: 'creditLimit',
  agent_credit_total_exceeded: 'creditLimit',
} as const;

/** ITC changes the customer's rate sheet and (postpaid) credit limit: PATCH /customers/{id}. */
export function BillingTermsCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const sheets = useSheetOptions();
  const [values, setValues] = useState<BillingTermsValues>(() => billingTermsValues(customer));
  // the saved customer came back (or changed elsewhere): follow it
  const [seen, setSeen] = useState(customer);
  if (seen !== customer) {
    setSeen(customer);
    setValues(billingTermsValues(customer));
  }
  const [badLimit, setBadLimit] = useState(false);
  const change = billingTermsChange(customer, values);
  const save = useCustomerCommand(customer.id, (body: typeof change) => orThrow(api.PATCH('/api/v1/customers/{id}', { params: { path: { id: customer.id } }, body })));
  const { fields, edited, unplaced } = useFormProblem(save.error, CODE_FIELDS);
  const closed = customer.status === 'closed';
  const nothing = Object.keys(change).length === 0;
  return (
    <Card withBorder padding="md">
      <form onSubmit={(event) => { event.preventDefault(); if (!badLimit && !nothing) save.mutate(change); }}>
        <Stack gap="sm">
          <Title order={2} size="h4">{t('customers.terms.title')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('customers.customer.sheet')} data={sheets} value={values.rateSheetId} onChange={(rateSheetId) => { setValues({ ...values, rateSheetId }); edited('rateSheetId'); }} error={fields['rateSheetId']} disabled={closed} searchable allowDeselect={false} />
            {customer.billingType === 'postpaid' && (
              <MoneyInput
                label={t('customers.customer.creditLimit')}
                value={values.creditLimit}
                onChange={(amount) => { setValues({ ...values, creditLimit: amount ?? '' }); setBadLimit(amount === null); edited('creditLimit'); }}
                error={fields['creditLimit']}
                disabled={closed}
                required
              />
            )}
          </SimpleGrid>
          <ProblemAlert error={unplaced} />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={closed || nothing || badLimit}>{t('customers.terms.save')}</Button>
            {save.isSuccess && nothing && <StatusText tone="success">{t('customers.terms.saved')}</StatusText>}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
