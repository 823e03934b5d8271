import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './money.js';

export interface MoneyTextProps extends TextProps {
  amount: string;
  currency: string;
  /** red when below zero (a debt): the theme's red text colour, which the portal's theme keeps at WCAG AA. */
  colorNegative?: boolean;
}

/** A decimal-string amount in the page's language (`-$1,234.50`), never through a float. */
export function MoneyText({ amount, currency, colorNegative = false, ...props }: MoneyTextProps) {
  const { i18n } = useTranslation();
  const negative = amount.trim().startsWith('-') && !/^-0*(\.0*)?$/.test(amount.trim());
  return (
    <Text component="span" inherit c={colorNegative && negative ? 'red' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }} {...props}>
      {formatMoney(amount, currency, i18n.language)}
    </Text>
  );
}
