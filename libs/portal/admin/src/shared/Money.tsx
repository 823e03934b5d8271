import { MoneyText, type MoneyTextProps } from '@billing/portal-ui';
import { Text } from '@mantine/core';
import { useCurrency } from './use-currency.js';

/** A decimal-string amount in the deployment's currency (its plain digits until the config is known). */
export function Money(props: Omit<MoneyTextProps, 'currency'>) {
  const currency = useCurrency();
  if (currency === null) {
    return (
      <Text component="span" inherit style={{ fontVariantNumeric: 'tabular-nums' }}>
        {props.amount}
      </Text>
    );
  }
  return <MoneyText currency={currency} {...props} />;
}
