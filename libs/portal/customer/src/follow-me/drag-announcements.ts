import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';

/**
 * dnd-kit's screen-reader texts in the portal's language, naming rows by their position ("number
 * 2") instead of dnd-kit's built-in English with internal ids ("Draggable item row-1 was dropped…").
 */
export function dragAnnouncements(t: TFunction, keys: readonly string[]): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const position = (id: string | number | undefined) => (id === undefined ? 0 : keys.indexOf(String(id)) + 1);
  return {
    screenReaderInstructions: { draggable: t('followMe.dragInstructions') },
    announcements: {
      onDragStart: ({ active }) => t('followMe.dragStart', { position: position(active.id) }),
      onDragOver: ({ active, over }) => (over === null ? t('followMe.dragOutside', { position: position(active.id) }) : t('followMe.dragOver', { position: position(active.id), target: position(over.id) })),
      onDragEnd: ({ active, over }) => (over === null ? t('followMe.dragCancel', { position: position(active.id) }) : t('followMe.dragEnd', { position: position(active.id), target: position(over.id) })),
      onDragCancel: ({ active }) => t('followMe.dragCancel', { position: position(active.id) }),
    },
  };
}
