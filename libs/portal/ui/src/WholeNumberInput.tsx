import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { wholeNumberProblem, type TypedNumber } from './whole-number.js';

export interface WholeNumberInputProps extends Omit<NumberInputProps, 'value' | 'onChange' | 'min' | 'max' | 'clampBehavior' | 'allowDecimal'> {
  value: TypedNumber;
  onChange: (value: TypedNumber) => void;
  min: number;
  max: number;
}

/**
 * A whole number in [min, max] that is never clamped (Mantine's NumberInput clamps on blur by
 * default: 1001 became 1000 without a word): out of range it says so next to itself (a server's
 * field error, `error`, wins) and the form checks wholeNumberProblem before sending.
 */
export function WholeNumberInput({ value, onChange, min, max, error, ...props }: WholeNumberInputProps) {
  const { t } = useTranslation('ui');
  const problem = wholeNumberProblem(value, min, max);
  const own = problem === 'range' ? t('wholeNumber.range', { min, max }) : undefined;
  return <NumberInput {...props} value={value} onChange={onChange} min={min} max={max} clampBehavior="none" allowDecimal={false} error={error ?? own} />;
}
