import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';
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
});
