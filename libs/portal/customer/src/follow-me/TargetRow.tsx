import { ActionIcon, Group, Paper, Text, TextInput, Tooltip } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { FollowMeRow, RowError } from './follow-me-model.js';

export interface TargetRowProps {
  row: FollowMeRow;
  index: number;
  count: number;
  errors: { destination?: RowError; ringSeconds?: RowError } | undefined;
  /** the API's message about this row (after a save). */
  serverError: string | undefined;
  onChange: (row: FollowMeRow) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One FollowMe number: drag handle (pointer or keyboard: space, arrows, space), fields, up/down, remove. */
export function TargetRow({ row, index, count, errors, serverError, onChange, onMove, onRemove }: TargetRowProps) {
  const { t } = useTranslation('customer');
  const sortable = useSortable({ id: row.key });
  const position = index + 1;
  return (
    <Paper
      ref={sortable.setNodeRef}
      withBorder
      radius="md"
      p="sm"
      data-testid="follow-me-row"
      style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition, opacity: sortable.isDragging ? 0.7 : 1, position: 'relative', zIndex: sortable.isDragging ? 2 : undefined }}
    >
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Tooltip label={t('followMe.drag')}>
          <ActionIcon variant="subtle" color="gray" size="lg" mt={24} aria-label={t('followMe.dragRow', { position })} {...sortable.attributes} {...sortable.listeners} style={{ cursor: 'grab', touchAction: 'none' }}>
            <span aria-hidden="true">⠿</span>
          </ActionIcon>
        </Tooltip>
        <TextInput
          label={t('followMe.number', { position })}
          placeholder="+44 20 7946 0958"
          inputMode="tel"
          autoComplete="off"
          value={row.destination}
          error={errors?.destination !== undefined ? t(`followMe.errors.${errors.destination}`) : serverError}
          onChange={(event) => onChange({ ...row, destination: event.currentTarget.value })}
          style={{ flex: '1 1 180px' }}
        />
        <TextInput
          label={t('followMe.ringSeconds')}
          // every row shows the same short label; the name says which row (a screen reader's list of fields)
          aria-label={t('followMe.ringSecondsOf', { position })}
          inputMode="numeric"
          autoComplete="off"
          value={row.ringSeconds}
          error={errors?.ringSeconds !== undefined ? t('followMe.errors.ringSeconds') : undefined}
          onChange={(event) => onChange({ ...row, ringSeconds: event.currentTarget.value })}
          rightSection={<Text size="xs" c="dimmed">s</Text>}
          style={{ flex: '0 1 110px' }}
        />
        <Group gap={4} mt={24} wrap="nowrap">
          <ActionIcon variant="light" size="lg" aria-label={t('followMe.moveUp', { position })} disabled={index === 0} onClick={() => onMove(index - 1)}>
            <span aria-hidden="true">↑</span>
          </ActionIcon>
          <ActionIcon variant="light" size="lg" aria-label={t('followMe.moveDown', { position })} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            <span aria-hidden="true">↓</span>
          </ActionIcon>
          <ActionIcon variant="light" color="red" size="lg" aria-label={t('followMe.remove', { position })} onClick={onRemove}>
            <span aria-hidden="true">✕</span>
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  );
}
