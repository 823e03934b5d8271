import { ProblemAlert, useFormProblem } from '@billing/portal-ui';
import { Button, Group, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Features } from './customer-wire.js';
import { FEATURE_FLAGS, featuresFormValues, featuresPatch, type FeaturesFormValues } from './features-form.js';

export interface FeaturesFormProps {
  features: Features;
  onSave: (patch: Partial<Features>) => void;
  saving: boolean;
  error: unknown;
  saved: boolean;
  disabled?: boolean;
}

/** errors about one prefix (`premiumPrefixes.0`) go next to the prefixes' one input */
const LISTS = ['premiumPrefixes'] as const;
/** the API's refusals about one input that name no field (accounts' features rejections) */
const CODE_FIELDS = {
  invalid_premium_prefix: 'premiumPrefixes',
  duplicate_premium_prefix: 'premiumPrefixes',
  too_many_premium_prefixes: 'premiumPrefixes',
  invalid_home_country_code: 'homeCountryCode',
  home_country_code_required: 'homeCountryCode',
} as const;

/** The PBX features ITC assigns (a customer's or a profile's default): switches, home country, premium prefixes. */
export function FeaturesForm({ features, onSave, saving, error, saved, disabled = false }: FeaturesFormProps) {
  const { t } = useTranslation('admin');
  const [values, setValues] = useState<FeaturesFormValues>(() => featuresFormValues(features));
  // the saved set came back (or changed elsewhere): follow it
  const [seen, setSeen] = useState(features);
  if (seen !== features) {
    setSeen(features);
    setValues(featuresFormValues(features));
  }
  const { fields, edited, unplaced } = useFormProblem(error, CODE_FIELDS, LISTS);
  const patch = featuresPatch(features, values);
  return (
    <form onSubmit={(event) => { event.preventDefault(); onSave(patch); }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {FEATURE_FLAGS.map((flag) => (
            <Switch key={flag} label={t(`customers.features.${flag}`)} checked={values[flag]} disabled={disabled} onChange={(event) => { setValues({ ...values, [flag]: event.currentTarget.checked }); edited(flag); }} error={fields[flag]} />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('customers.features.homeCountryCode')} placeholder="351" value={values.homeCountryCode} disabled={disabled} onChange={(event) => { setValues({ ...values, homeCountryCode: event.currentTarget.value }); edited('homeCountryCode'); }} error={fields['homeCountryCode']} inputMode="numeric" miw={160} />
          <Textarea label={t('customers.features.premiumPrefixes')} description={t('customers.features.premiumPrefixesHint')} value={values.premiumPrefixes} disabled={disabled} onChange={(event) => { setValues({ ...values, premiumPrefixes: event.currentTarget.value }); edited('premiumPrefixes'); }} error={fields['premiumPrefixes']} autosize minRows={1} maxRows={4} miw={200} />
        </SimpleGrid>
        <ProblemAlert error={unplaced} />
        <Group>
          <Button type="submit" loading={saving} disabled={disabled || Object.keys(patch).length === 0}>{t('customers.features.save')}</Button>
          {saved && Object.keys(patch).length === 0 && <Text size="sm" c="green" role="status">{t('customers.features.saved')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}
