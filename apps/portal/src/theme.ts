import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { contrastRatio, darkenToContrast } from './contrast.js';

// ITC's brand blue, light to dark (shade 7 is the brand colour itself).
const itc: MantineColorsTuple = ['#e8f1fd', '#d2e1f8', '#a3c1ee', '#709fe4', '#4683dc', '#2c71d7', '#1c68d6', '#0c57bf', '#004dab', '#004298'];

export const theme = createTheme({
  primaryColor: 'itc',
  primaryShade: 7,
  colors: { itc },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});

/** WCAG AA for normal text (badges, table cells and labels are all small text). */
const AA = 4.5;
const WHITE = '#ffffff';

/**
 * Every colour's variants in the light scheme at AA contrast, so a page never needs its own
 * workaround (the shared ui lib's MoneyText uses `red` text, badges and alerts the light variant):
 * - light (badges, alerts, light buttons): Mantine puts shade 9 on shade 1 — 2.7:1 for yellow,
 *   3.3 lime, 3.6 orange, 3.8 green, 4.3 teal; that text is darkened just enough against shade 2
 *   (the hover background, one step darker than the resting one);
 * - filled (white text) and text/outline (coloured text on the page or a striped row): the first
 *   shade from the primary shade on that reaches AA (red 7 is 3.8:1 on white), else shade 9 darkened.
 */
function accessibleColorVariables(name: string, shades: readonly string[]): Record<string, string> {
  const filled = shades.slice(7).find((shade) => contrastRatio(shade, WHITE) >= AA) ?? darkenToContrast(shades[9]!, WHITE, AA);
  const text = darkenToContrast(filled, DEFAULT_THEME.colors.gray[1], AA);
  return {
    [`--mantine-color-${name}-light-color`]: darkenToContrast(shades[9]!, shades[2]!, AA),
    [`--mantine-color-${name}-filled`]: filled,
    [`--mantine-color-${name}-filled-hover`]: darkenToContrast(filled, WHITE, contrastRatio(filled, WHITE) + 1),
    [`--mantine-color-${name}-text`]: text,
    [`--mantine-color-${name}-outline`]: text,
  };
}

const palette: Record<string, readonly string[]> = { ...DEFAULT_THEME.colors, itc };
const accessibleColors = Object.assign({}, ...Object.entries(palette).map(([name, shades]) => accessibleColorVariables(name, shades))) as Record<string, string>;

/**
 * Mantine's dimmed grey on the light page background is below WCAG AA (axe color-contrast): one shade darker;
 * a field's error text (Mantine's red.6, 3.6:1 on white) takes red's AA text colour; every colour's variants at AA.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { ...accessibleColors, '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-text)' },
  dark: {},
});
