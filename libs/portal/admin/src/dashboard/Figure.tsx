import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One headline figure: a small label over a big value, with an optional note. */
export function Figure({ label, children, note }: { label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={2}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fw={700} size="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {children}
        </Text>
        {note !== undefined && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
