import { mergeThemeOverrides, type MantineThemeOverride } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * `theme` plus the texts Mantine components carry themselves, in the portal language — one place
 * for every page (Mantine's PasswordInput names its show/hide button in English otherwise).
 */
export function useLocalisedTheme(theme: MantineThemeOverride): MantineThemeOverride {
  const { t } = useTranslation('ui');
  const toggle = t('password.toggleVisibility');
  return useMemo(() => mergeThemeOverrides(theme, { components: { PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': toggle } } } } }), [theme, toggle]);
}
