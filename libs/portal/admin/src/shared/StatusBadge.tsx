import { Badge, type BadgeProps } from '@mantine/core';

/**
 * A status as a light badge (the portal theme keeps every colour's light variant at AA contrast).
 * It is never narrower than its word: in a table Mantine's badge let the column squeeze it to "LO…".
 */
export function StatusBadge({ color = 'gray', children, ...props }: BadgeProps & { color?: string; role?: string }) {
  return (
    <Badge variant="light" color={color} miw="max-content" {...props}>
      {children}
    </Badge>
  );
}
