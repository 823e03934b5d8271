import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import { dragAnnouncements } from './drag-announcements';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'es', resources: { en: { customer: en }, es: { customer: es } }, ns: ['customer'], defaultNS: 'customer' });
});

const item = (id: string) => ({ id, data: { current: undefined }, rect: { current: { initial: null, translated: null } } }) as never;

describe('dragAnnouncements', () => {
  // acceptance: the FollowMe drag was announced in raw English: "Draggable item row-1 was dropped…"
  it('names rows by position in the portal language', () => {
    const { announcements, screenReaderInstructions } = dragAnnouncements(i18n.getFixedT('es', 'customer') as TFunction, ['row-0', 'row-1', 'row-2']);
    expect(announcements.onDragEnd({ active: item('row-1'), over: item('row-2') } as never)).toBe('El número 2 se soltó en la posición 3.');
    expect(announcements.onDragStart({ active: item('row-0') } as never)).toBe('Número 1 tomado.');
    expect(announcements.onDragCancel({ active: item('row-2'), over: null } as never)).toBe('Se canceló el movimiento del número 3.');
    expect(screenReaderInstructions.draggable).toMatch(/^Para tomar un número/);
    const english = dragAnnouncements(i18n.getFixedT('en', 'customer') as TFunction, ['row-0', 'row-1']);
    expect(english.announcements.onDragOver({ active: item('row-0'), over: item('row-1') } as never)).toBe('Number 1 is over position 2.');
  });
});
