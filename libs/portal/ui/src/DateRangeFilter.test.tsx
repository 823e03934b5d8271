import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DateRangeFilter, type DateRange } from './DateRangeFilter';
import en from './i18n/en.json';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { ui: en } }, ns: ['ui'] });
});

function Filter({ initial }: { initial: DateRange }) {
  const [range, setRange] = useState(initial);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <DateRangeFilter value={range} onChange={setRange} />
        <output>{`${range.from}..${range.to}`}</output>
      </MantineProvider>
    </I18nextProvider>
  );
}

describe('DateRangeFilter', () => {
  it('labels both dates, passes each change on and bounds one by the other', () => {
    render(<Filter initial={{ from: '', to: '' }} />);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    expect(screen.getByRole('status')).toHaveTextContent('2026-03-01..2026-03-31');
    expect(screen.getByLabelText('To')).toHaveAttribute('min', '2026-03-01');
    expect(screen.getByLabelText('From')).toHaveAttribute('max', '2026-03-31');
    expect(screen.queryByText(en.dateRange.reversed)).toBeNull();
  });

  it('says when the end is before the start', () => {
    render(<Filter initial={{ from: '2026-03-10', to: '2026-03-01' }} />);
    expect(screen.getByText(en.dateRange.reversed)).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
  });
});
