import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

export type StatusTone = 'success' | 'warning' | 'error';

/**
 * The colour of each tone: a theme colour without a shade, so Mantine uses its `-text` variable,
 * which the portal's theme (apps/portal/src/theme.ts, checked by theme.test.ts) darkens to WCAG AA.
 * A fixed shade bypasses that: green.8 is 3.5:1 on white, teal.8 4.0, orange.9 4.3. In the light
 * scheme these are teal #087c59 (5.2:1 on a white card, 4.9 on the grey page background gray.0),
 * orange #c4410d (5.1 / 4.9) and red #ce2d2d (5.2 / 4.9).
 */
export const STATUS_TONE_COLORS: Record<StatusTone, 'teal' | 'orange' | 'red'> = { success: 'teal', warning: 'orange', error: 'red' };

export interface StatusTextProps extends Omit<TextProps, 'c' | 'color'> {
  tone: StatusTone;
  children: ReactNode;
}

/** The one-line result of an action ("Saved", "Moved …", "Sent for approval."), announced: status, or alert for an error. */
export function StatusText({ tone, children, ...props }: StatusTextProps) {
  return (
    <Text size="sm" c={STATUS_TONE_COLORS[tone]} role={tone === 'error' ? 'alert' : 'status'} {...props}>
      {children}
    </Text>
  );
}
