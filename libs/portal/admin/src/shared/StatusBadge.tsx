import { Badge, type BadgeProps } from '@mantine/core';

/** A light badge with dark text: Mantine's coloured text on its light background fails AA contrast (yellow, teal). */
export function StatusBadge({ color = 'gray', children, ...props }: BadgeProps & { color?: string; role?: string }) {
  return (
    <Badge variant="light" color={color} styles={{ label: { color: 'var(--mantine-color-dark-9)' } }} {...props}>
      {children}
    </Badge>
  );
}
