import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

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

/** Mantine's dimmed grey on the light page background is below WCAG AA (axe color-contrast): one shade darker. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
