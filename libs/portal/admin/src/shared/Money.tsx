import { MoneyText, type MoneyTextProps } from '@billing/portal-ui';
import { Text } from '@mantine/core';
import { useCurrency } from './use-currency.js';

const NEGATIVE = /^-(?!0*(\.0*)?$)/;

/**
 * A decimal-string amount in the deployment's currency (its plain digits until the config is
 * known). colorNegative uses red.9: the lighter red of MoneyText fails AA contrast on white.
 */
export function Money({ colorNegative = false, ...props }: Omit<MoneyTextProps, 'currency'>) {
  const currency = useCurrency();
  const color = colorNegative && NEGATIVE.test(props.amount.trim()) ? 'red.9' : props.c;
  if (currency === null) {
    return (
      <Text component="span" inherit c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {props.amount}
      </Text>
    );
  }
  return <MoneyText currency={currency} {...props} c={color} />;
}
