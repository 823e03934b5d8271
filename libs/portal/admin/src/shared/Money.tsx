import { MoneyText, type MoneyTextProps } from '@billing/portal-ui';
import { Text } from '@mantine/core';
import { useCurrency } from './use-currency.js';

const NEGATIVE = /^-(?!0*(\.0*)?$)/;

/** A decimal-string amount in the deployment's currency (its plain digits until the config is known). */
export function Money(props: Omit<MoneyTextProps, 'currency'>) {
  const currency = useCurrency();
  if (currency === null) {
    const { amount, colorNegative = false, c } = props;
    return (
      <Text component="span" inherit c={colorNegative && NEGATIVE.test(amount.trim()) ? 'red' : c} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {amount}
      </Text>
    );
  }
  return <MoneyText currency={currency} {...props} />;
}
