import { ProblemAlert, useProblemFields } from '@billing/portal-ui';
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
  const fields = useProblemFields(error);
  const patch = featuresPatch(features, values);
  return (
    <form onSubmit={(event) => { event.preventDefault(); onSave(patch); }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {FEATURE_FLAGS.map((flag) => (
            <Switch key={flag} label={t(`customers.features.${flag}`)} checked={values[flag]} disabled={disabled} onChange={(event) => setValues({ ...values, [flag]: event.currentTarget.checked })} error={fields[flag]} />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('customers.features.homeCountryCode')} placeholder="351" value={values.homeCountryCode} disabled={disabled} onChange={(event) => setValues({ ...values, homeCountryCode: event.currentTarget.value })} error={fields['homeCountryCode']} maxLength={3} inputMode="numeric" miw={160} />
          <Textarea label={t('customers.features.premiumPrefixes')} description={t('customers.features.premiumPrefixesHint')} value={values.premiumPrefixes} disabled={disabled} onChange={(event) => setValues({ ...values, premiumPrefixes: event.currentTarget.value })} error={fields['premiumPrefixes']} autosize minRows={1} maxRows={4} miw={200} />
        </SimpleGrid>
        <ProblemAlert error={Object.keys(fields).length === 0 ? error : null} />
        <Group>
          <Button type="submit" loading={saving} disabled={disabled || Object.keys(patch).length === 0}>{t('customers.features.save')}</Button>
          {saved && Object.keys(patch).length === 0 && <Text size="sm" c="green" role="status">{t('customers.features.saved')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}
