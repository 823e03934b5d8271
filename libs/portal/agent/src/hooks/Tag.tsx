import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

// orange.9 on white is 4.29:1; a shade darker passes.
const TEXT: Record<string, string> = { orange: '#b23c0a' };

/**
 * An outlined badge in the colour's darkest shade: the theme's light badges (teal, orange on
 * their tint) fall below the 4.5:1 contrast axe asks for.
 */
export function Tag({ color = 'gray', children, ...props }: Omit<BadgeProps, 'color' | 'variant'> & { color?: string; children: ReactNode }) {
  return (
    // never narrower than its words: a squeezed table column scrolls instead of cutting "ACTI…".
    <Badge variant="outline" color={`${color}.8`} c={TEXT[color] ?? `${color}.9`} bg="white" miw="max-content" style={{ flexShrink: 0 }} {...props}>
      {children}
    </Badge>
  );
}
