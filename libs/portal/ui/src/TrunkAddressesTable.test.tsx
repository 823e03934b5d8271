import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { PHONE_QUERY } from './DataTable';
import en from './i18n/en.json';
import { TrunkAddressesTable, type TrunkAddressesTexts } from './TrunkAddressesTable';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { ui: en } }, initAsync: false });

const TEXTS: TrunkAddressesTexts = { caption: 'Trunks', address: 'Address', techPrefix: 'Tech prefix', noTechPrefix: 'None', addedAt: 'Added', empty: 'No trunk addresses' };
const ROWS = [
  { network: '203.0.113.0/24', techPrefix: '12#', addedAt: '2026-12-01T10:00:00Z' },
  { network: '203.0.113.0/24', techPrefix: null, addedAt: '2026-12-02T10:00:00Z' },
];

function show(rows: typeof ROWS, extra = false) {
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <TrunkAddressesTable rows={rows} loading={false} texts={TEXTS} extraColumns={extra ? [{ key: 'remove', header: 'Remove', render: (row) => <button type="button">remove {row.network}</button> }] : []} />
      </MantineProvider>
    </I18nextProvider>,
  );
}

describe('TrunkAddressesTable', () => {
  it('lists each address with its tech prefix (or none); the same network twice, told apart by prefix', () => {
    show(ROWS);
    const rows = within(screen.getByRole('table', { name: 'Trunks' })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'AddressTech prefixAdded',
      `203.0.113.0/2412#${new Date('2026-12-01T10:00:00Z').toLocaleString('en')}`,
      `203.0.113.0/24None${new Date('2026-12-02T10:00:00Z').toLocaleString('en')}`,
    ]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says when there is none, and takes further columns after its own (ITC: remove)', () => {
    show([]);
    expect(screen.getByText('No trunk addresses')).toBeInTheDocument();
    show(ROWS.slice(0, 1), true);
    expect(screen.getByRole('button', { name: 'remove 203.0.113.0/24' })).toBeInTheDocument();
  });

  describe('on a phone', () => {
    const original = window.matchMedia;
    afterEach(() => {
      window.matchMedia = original;
    });

    it('shows each address as a card of "header: value" lines', () => {
      window.matchMedia = (query: string) => ({ ...original(query), matches: query === PHONE_QUERY });
      show(ROWS.slice(0, 1));
      expect(screen.queryByRole('table')).toBeNull();
      const card = within(screen.getByRole('list', { name: 'Trunks' })).getByRole('listitem');
      expect(card).toHaveTextContent('203.0.113.0/24');
      expect(card).toHaveTextContent('Tech prefix12#');
    });
  });
});
