import { STATUS_TONE_COLORS } from '@billing/portal-ui';
import { DEFAULT_THEME, mergeMantineTheme, type MantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, darkenToContrast } from './contrast';
import { cssVariablesResolver, theme } from './theme';

const AA = 4.5;
const merged: MantineTheme = mergeMantineTheme(DEFAULT_THEME, theme);
const light = cssVariablesResolver(merged).light;
const colors = Object.entries(merged.colors);

describe('the portal theme at WCAG AA (light scheme)', () => {
  it.each(colors)('%s: light-variant text (badges, alerts) on its resting and hover backgrounds', (name, shades) => {
    const color = light[`--mantine-color-${name}-light-color`]!;
    expect(contrastRatio(color, shades[1])).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(color, shades[2])).toBeGreaterThanOrEqual(AA);
  });

  it.each(colors)('%s: white on filled, coloured text and outline on white and on a striped row', (name) => {
    expect(contrastRatio('#ffffff', light[`--mantine-color-${name}-filled`]!)).toBeGreaterThanOrEqual(AA);
    for (const variable of ['text', 'outline']) {
      expect(contrastRatio(light[`--mantine-color-${name}-${variable}`]!, '#ffffff')).toBeGreaterThanOrEqual(AA);
      expect(contrastRatio(light[`--mantine-color-${name}-${variable}`]!, merged.colors.gray[1])).toBeGreaterThanOrEqual(AA);
    }
  });

  // the role pages sit on gray.0 (RoleLayout) inside white cards
  it.each(Object.entries(STATUS_TONE_COLORS))('StatusText %s (%s) on the page background and on a card', (_tone, color) => {
    expect(contrastRatio(light[`--mantine-color-${color}-text`]!, merged.colors.gray[0])).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(light[`--mantine-color-${color}-text`]!, '#ffffff')).toBeGreaterThanOrEqual(AA);
  });

  it("a field's error text (--mantine-color-error) is red's AA text colour, on white and on the page", () => {
    expect(light['--mantine-color-error']).toBe('var(--mantine-color-red-text)');
    expect(contrastRatio(light['--mantine-color-red-text']!, '#ffffff')).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(light['--mantine-color-red-text']!, merged.colors.gray[0])).toBeGreaterThanOrEqual(AA);
  });

  it('keeps colours that already pass (the brand blue stays its own shade 7, red its shade 8)', () => {
    expect(light['--mantine-color-itc-filled']).toBe('#0c57bf');
    expect(light['--mantine-color-red-filled']).toBe(merged.colors.red[8]);
  });
});

describe('contrast', () => {
  it('measures WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('darkens only as far as needed', () => {
    expect(darkenToContrast('#000000', '#ffffff', AA)).toBe('#000000');
    const darker = darkenToContrast('#e67700', '#fff3bf', AA);
    expect(contrastRatio(darker, '#fff3bf')).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(darker, '#fff3bf')).toBeLessThan(AA + 0.5);
  });
});
