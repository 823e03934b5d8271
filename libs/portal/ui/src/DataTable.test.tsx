import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable, PHONE_QUERY } from './DataTable';
import en from './i18n/en.json';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { ui: en } }, initAsync: false });

describe('DataTable', () => {
  it('scrolls sideways inside a focusable region named by its caption (a 390 px phone)', async () => {
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <main>
            <DataTable caption="Customers" minWidth={640} rows={[{ id: '1', name: 'Acme' }]} rowKey={(row) => row.id} columns={[{ key: 'name', header: 'Name', render: (row) => row.name }]} />
          </main>
        </MantineProvider>
      </I18nextProvider>,
    );
    const region = screen.getByRole('region', { name: 'Customers' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toContainElement(screen.getByRole('table', { name: 'Customers' }));
    const result = await axe.run(document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] }, rules: { 'color-contrast': { enabled: false }, 'page-has-heading-one': { enabled: false } } });
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
  });

  describe('on a phone with cardsOnPhone', () => {
    const original = window.matchMedia;
    afterEach(() => {
      window.matchMedia = original;
    });

    // acceptance: at 390 px the agent overview hid cost and margin, call numbers were cut ("+3491123…")
    it('shows each row as a card with every column and its header, no sideways scroll', async () => {
      window.matchMedia = (query: string) => ({ ...original(query), matches: query === PHONE_QUERY });
      render(
        <I18nextProvider i18n={i18n}>
          <MantineProvider>
            <main>
              <DataTable
                caption="Revenue"
                cardsOnPhone
                rows={[{ id: '1', account: '1000000008', cost: '$1.20', margin: '$0.30' }]}
                rowKey={(row) => row.id}
                columns={[
                  { key: 'account', header: 'Account', render: (row) => row.account },
                  { key: 'cost', header: 'Cost', render: (row) => row.cost },
                  { key: 'margin', header: 'Margin', render: (row) => row.margin },
                ]}
              />
            </main>
          </MantineProvider>
        </I18nextProvider>,
      );
      expect(screen.queryByRole('table')).toBeNull();
      const card = screen.getByRole('listitem');
      expect(card).toHaveTextContent('1000000008');
      expect(card).toHaveTextContent('Cost$1.20');
      expect(card).toHaveTextContent('Margin$0.30');
      const result = await axe.run(document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] }, rules: { 'color-contrast': { enabled: false }, 'page-has-heading-one': { enabled: false } } });
      expect(result.violations.map((violation) => violation.id)).toEqual([]);
    });
  });
});
