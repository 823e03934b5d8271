import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A status badge whose colour is its background only: the text stays dark, so it reads at AA contrast. */
export function Tag({ color, size = 'sm', children }: { color: BadgeProps['color']; size?: BadgeProps['size']; children: ReactNode }) {
  return (
    <Badge variant="light" color={color} size={size} c="dark.7" tt="none" style={{ flexShrink: 0 }}>
      {children}
    </Badge>
  );
}
