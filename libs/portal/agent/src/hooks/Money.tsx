import { MoneyText, type MoneyTextProps } from '@billing/portal-ui';
import { Text } from '@mantine/core';
import { useCurrency } from './use-portal-config.js';

/** A decimal-string amount in the deployment's currency (the plain digits until the config is known). */
export function Money(props: Omit<MoneyTextProps, 'currency'>) {
  const currency = useCurrency();
  if (currency === '') return <Text component="span" inherit>{props.amount}</Text>;
  return <MoneyText currency={currency} {...props} />;
}
