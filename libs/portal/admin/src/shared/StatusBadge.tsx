import { Badge, type BadgeProps } from '@mantine/core';

/** A light badge whose text is the colour's darkest shade (Mantine's default fails AA contrast). */
export function StatusBadge({ color = 'gray', children, ...props }: BadgeProps & { color?: string; role?: string }) {
  return (
    <Badge variant="light" color={color} styles={{ label: { color: `var(--mantine-color-${color}-9)` } }} {...props}>
      {children}
    </Badge>
  );
}
