import { Badge, type BadgeProps } from '@mantine/core';

/** A status as a light badge (the portal theme keeps every colour's light variant at AA contrast). */
export function StatusBadge({ color = 'gray', children, ...props }: BadgeProps & { color?: string; role?: string }) {
  return (
    <Badge variant="light" color={color} {...props}>
      {children}
    </Badge>
  );
}
