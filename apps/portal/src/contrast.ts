// WCAG 2 contrast of two #rrggbb colours, and the least darkening that reaches a ratio: the theme
// derives its accessible text colours from the palette with these instead of hand-picked hex.

function channels(hex: string): [number, number, number] {
  const value = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `color` mixed with black in 2 % steps until it has at least `min` contrast against `background` (unchanged when it has). */
export function darkenToContrast(color: string, background: string, min: number): string {
  const rgb = channels(color);
  for (let step = 0; step <= 50; step++) {
    const mixed = `#${rgb.map((c) => Math.round(c * (1 - step * 0.02)).toString(16).padStart(2, '0')).join('')}`;
    if (contrastRatio(mixed, background) >= min) return mixed;
  }
  return '#000000';
}
