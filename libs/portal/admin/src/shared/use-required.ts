import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blankFields } from './blank-fields.js';

export interface Required {
  /** `{ field: message }` for the required inputs still empty, once a submit found one empty. */
  errors: Record<string, string>;
  /** at submit: true when every required input is filled, else they say so next to them. */
  filled: () => boolean;
}

/**
 * A noValidate form's own "fill in this field", in the portal's language and next to the input
 * (the browser's bubble is in the browser's language). Shown from the first submit on, and gone
 * as soon as the input is filled.
 */
export function useRequired<T extends object>(values: T, required: readonly (keyof T & string)[]): Required {
  const { t } = useTranslation('admin');
  const [submitted, setSubmitted] = useState(false);
  const blank = submitted ? blankFields(values, required) : new Set<string>();
  return {
    errors: Object.fromEntries([...blank].map((name) => [name, t('common.required')])),
    filled: () => {
      setSubmitted(true);
      return blankFields(values, required).size === 0;
    },
  };
}
