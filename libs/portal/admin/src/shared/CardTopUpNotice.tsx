import { usePortalConfig } from '@billing/portal-ui';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Says where ITC looks (dashboard, agents) that card top-up is off: without a Stripe key
 * (GET /portal/config stripePublishableKey null, docs/API.md §12a) agents and customers are offered
 * no card payment, and nothing else would tell ITC why.
 */
export function CardTopUpNotice() {
  const { t } = useTranslation('admin');
  const config = usePortalConfig();
  if (config.data === undefined || config.data.stripePublishableKey !== null) return null;
  return (
    <Alert color="yellow" variant="light" title={t('common.cardTopUpOff.title')}>
      {t('common.cardTopUpOff.body')}
    </Alert>
  );
}
