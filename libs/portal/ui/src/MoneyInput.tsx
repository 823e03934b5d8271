import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyInputText, parseMoneyInput } from './money.js';

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange'> {
  /** the current normalised amount ('' when empty). */
  value: string;
  /** the normalised amount ("12.5") after each keystroke, or null while the text is empty or not an amount. */
  onChange: (amount: string | null) => void;
}

/**
 * A text field for a non-negative amount with at most 6 decimals, written with the portal
 * language's decimal mark (parseMoneyInput: en `1,000.5`, es `1.000,5`; the other mark is never
 * taken for it). It keeps what the person typed and says when it is not an amount; `error` (a
 * server's field error) wins over its own message.
 */
export function MoneyInput({ value, onChange, error, ...props }: MoneyInputProps) {
  const { t, i18n } = useTranslation('ui');
  const locale = i18n.language;
  const [text, setText] = useState(() => moneyInputText(value, locale));
  // the parent reset or set the amount: show it (but keep "1.50" while the value is "1.5").
  const [previousValue, setPreviousValue] = useState(value);
  if (value !== previousValue) {
    setPreviousValue(value);
    if (parseMoneyInput(text, locale) !== (value === '' ? null : value)) setText(moneyInputText(value, locale));
  }
  const invalid = text.trim() !== '' && parseMoneyInput(text, locale) === null;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...props}
      value={text}
      error={error ?? (invalid ? t('money.invalid') : undefined)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const amount = parseMoneyInput(next, locale);
        onChange(amount);
      }}
    />
  );
}
