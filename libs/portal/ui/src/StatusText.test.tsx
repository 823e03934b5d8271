import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusText } from './StatusText';

describe('StatusText', () => {
  // the theme's text variables are the ones held at AA (apps/portal theme.test.ts); a shade like green.8 is not
  it.each([
    ['success', 'status', 'teal'],
    ['warning', 'status', 'orange'],
    ['error', 'alert', 'red'],
  ] as const)('%s: role %s in the theme text colour of %s', (tone, role, color) => {
    render(
      <MantineProvider>
        <StatusText tone={tone}>Saved</StatusText>
      </MantineProvider>,
    );
    const text = screen.getByRole(role);
    expect(text).toHaveTextContent('Saved');
    expect(text.getAttribute('style')).toContain(`color: var(--mantine-color-${color}-text)`);
  });
});
