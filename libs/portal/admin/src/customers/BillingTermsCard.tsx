import { BillingTermsCard as TermsCard } from '@billing/portal-ui';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSheetOptions } from '../profiles/use-sheet-options.js';
import { customerKeys, type Customer } from './customer-wire.js';

/** ITC changes the customer's rate sheet (any of its sheets) and (postpaid) credit limit: ui's BillingTermsCard. */
export function BillingTermsCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const sheets = useSheetOptions();
  return (
    <TermsCard
      customerId={customer.id}
      terms={{ billingType: customer.billingType, rateSheetId: customer.rateSheetId, creditLimit: customer.creditLimit }}
      closed={customer.status === 'closed'}
      sheets={sheets}
      searchable
      texts={{ title: t('customers.terms.title'), sheet: t('customers.customer.sheet'), creditLimit: t('customers.customer.creditLimit'), save: t('customers.terms.save'), saved: t('customers.terms.saved') }}
      onSaved={() => queryClient.invalidateQueries({ queryKey: customerKeys.all })}
    />
  );
}
