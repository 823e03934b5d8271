import { BillingTermsCard as TermsCard } from '@billing/portal-ui';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { useSheets } from '../sheets/use-sheets.js';

export interface BillingTermsCardProps {
  customerId: string;
  billingType: 'prepaid' | 'postpaid';
  rateSheetId: string;
  creditLimit: string | null;
  closed: boolean;
}

/**
 * The agent changes its customer's rate sheet (the sheet ITC assigned to it or one it derived) and,
 * for a postpaid customer, the credit limit within what ITC lets it give: ui's BillingTermsCard. Only the agent's
 * own sheets are offered.
 */
export function BillingTermsCard({ customerId, billingType, rateSheetId, creditLimit, closed }: BillingTermsCardProps) {
  const { t } = useTranslation('agent');
  const queryClient = useQueryClient();
  const sheets = useSheets();
  const options = (sheets.data?.items ?? []).map((sheet) => ({ value: sheet.sheetId, label: sheet.name }));
  // a sheet not in the agent's list (ITC moved the customer to one of its own, or assigned the agent another since): the
  // agent cannot read its name nor assign it, so the field's description says it is ITC's; it is not offered (nor said
  // before the list is known)
  const otherSheet = sheets.data === undefined ? undefined : t('terms.setByItc', { sheet: rateSheetId });
  return (
    <TermsCard
      customerId={customerId}
      terms={{ billingType, rateSheetId, creditLimit }}
      closed={closed}
      sheets={options}
      texts={{ title: t('terms.title'), sheet: t('terms.sheet'), sheetHint: t('terms.sheetHint'), otherSheet, chooseSheet: t('terms.chooseSheet'), creditLimit: t('terms.creditLimit'), save: t('common.save'), saved: t('terms.saved') }}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: agentKeys.customer(customerId) });
      }}
    />
  );
}
