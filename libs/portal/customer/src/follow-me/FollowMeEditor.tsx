import { problemOf, ProblemAlert, serverMessageText, StatusText, useProblemText } from '@billing/portal-ui';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Alert, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFollowMe, DEFAULT_RING_SECONDS, MAX_TARGETS, moveRow, problemRowIndex, rowsFromTargets, type FollowMeRow, type FollowMeTarget } from './follow-me-model.js';
import { dragAnnouncements } from './drag-announcements.js';
import { TargetRow } from './TargetRow.js';

export interface FollowMeValue {
  enabled: boolean;
  targets: FollowMeTarget[];
}

export interface FollowMeEditorProps {
  initial: FollowMeValue;
  /** ITC assigned the FollowMe feature: without it, it can only be switched off. */
  featureAssigned: boolean;
  onSave: (value: FollowMeValue) => void;
  saving: boolean;
  /** the last save's error (a problem is shown next to the row it names). */
  error: unknown;
  saved: boolean;
}

/** The ordered FollowMe numbers: edit, reorder (drag, keyboard or buttons), enable, save. */
export function FollowMeEditor({ initial, featureAssigned, onSave, saving, error, saved }: FollowMeEditorProps) {
  const { t } = useTranslation('customer');
  const { t: tUi, i18n } = useTranslation('ui');
  const problemText = useProblemText();
  const nextKey = useRef(0);
  const newKey = () => `row-${(nextKey.current += 1)}`;
  const [enabled, setEnabled] = useState(initial.enabled);
  const [rows, setRows] = useState<FollowMeRow[]>(() => rowsFromTargets(initial.targets, newKey));
  const [submitted, setSubmitted] = useState(false);
  const [edited, setEdited] = useState(false);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const check = checkFollowMe(enabled, rows);
  const update = (next: FollowMeRow[]) => {
    setRows(next);
    setEdited(true);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over === null || active.id === over.id) return;
    update(moveRow(rows, rows.findIndex((row) => row.key === active.id), rows.findIndex((row) => row.key === over.id)));
  };
  const addRow = () => {
    // the first number of an empty, switched-off list means "ring it": switch on (it can be switched off again).
    if (rows.length === 0 && !enabled && featureAssigned) setEnabled(true);
    update([...rows, { key: newKey(), destination: '', ringSeconds: String(DEFAULT_RING_SECONDS) }]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setEdited(false);
    if (check.targets !== null) onSave({ enabled, targets: check.targets });
  };

  const problem = problemOf(error);
  const serverRow = edited ? null : problemRowIndex(problem);
  const rowMessage = problem?.errors?.find((item) => item.path.startsWith(`/targets/${serverRow}`))?.message;
  // in the portal's language: the row's sentence by pattern, else the problem by its code
  const serverRowMessage = rowMessage !== undefined ? serverMessageText(rowMessage, { t: tUi, locale: i18n.language }) : (problemText(problem) ?? undefined);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!featureAssigned && (
          <Alert color="yellow" variant="light" title={t('followMe.notAssignedTitle')}>
            {t('followMe.notAssigned')}
          </Alert>
        )}
        <Switch
          label={t(enabled ? 'followMe.isOn' : 'followMe.isOff')}
          description={t('followMe.enabledHint')}
          checked={enabled}
          disabled={!featureAssigned && !enabled}
          onChange={(event) => {
            setEnabled(event.currentTarget.checked);
            setEdited(true);
          }}
        />
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={dragAnnouncements(t, rows.map((row) => row.key))}>
          <SortableContext items={rows.map((row) => row.key)} strategy={verticalListSortingStrategy}>
            <Stack gap="xs" role="list" aria-label={t('followMe.listLabel')}>
              {rows.map((row, index) => (
                <div role="listitem" key={row.key}>
                  <TargetRow
                    row={row}
                    index={index}
                    count={rows.length}
                    errors={submitted ? check.rows[row.key] : undefined}
                    serverError={serverRow === index ? serverRowMessage : undefined}
                    onChange={(changed) => update(rows.map((r) => (r.key === changed.key ? changed : r)))}
                    onMove={(to) => update(moveRow(rows, index, to))}
                    onRemove={() => update(rows.filter((r) => r.key !== row.key))}
                  />
                </div>
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
        {rows.length === 0 && <Text c="dimmed">{t('followMe.none')}</Text>}
        {submitted && check.form !== null && (
          <StatusText tone="error">{t(`followMe.errors.${check.form}`, { max: MAX_TARGETS })}</StatusText>
        )}
        {serverRow === null && !edited && <ProblemAlert error={error} />}
        <Group justify="space-between" wrap="wrap">
          <Button variant="light" disabled={rows.length >= MAX_TARGETS} onClick={addRow}>
            {t('followMe.add')}
          </Button>
          <Group gap="sm">
            {saved && !edited && (
              <StatusText tone="success">{t('followMe.saved')}</StatusText>
            )}
            <Button type="submit" loading={saving}>
              {t('followMe.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
