import { PBX_FEATURE_FLAGS, PbxFeaturesList } from '@billing/portal-ui';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../shared/customer-api.js';

/** The PBX features ITC assigned (read-only: only ITC changes them), in the customer's words. */
export function FeaturesCard({ features }: { features: Customer['features'] }) {
  const { t } = useTranslation('customer');
  const names = Object.fromEntries(PBX_FEATURE_FLAGS.map((flag) => [flag, t(`features.${flag}`)])) as Record<(typeof PBX_FEATURE_FLAGS)[number], string>;
  return <PbxFeaturesList features={features} texts={{ names, on: t('features.on'), off: t('features.off'), homeCountryCode: t('features.homeCountryCode'), premiumPrefixes: t('features.premiumPrefixes'), none: t('features.none') }} />;
}
