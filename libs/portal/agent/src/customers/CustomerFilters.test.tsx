import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import en from '../i18n/en.json';
import { CustomerFilters } from './CustomerFilters.js';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { agent: en } }, interpolation: { escapeValue: false } });
});

function renderFilters(value = {}) {
  const onChange = vi.fn();
  const view = render(
    <MantineProvider>
      <CustomerFilters value={value} onChange={onChange} />
    </MantineProvider>,
  );
  return { onChange, view };
}

describe('CustomerFilters', () => {
  it('applies the trimmed search text on submit, keeping the status', () => {
    const { onChange } = renderFilters({ status: 'active' });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: '  1000  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    expect(onChange).toHaveBeenCalledWith({ q: '1000', status: 'active' });
  });

  it('drops the text from the filters when it is cleared', () => {
    const { onChange } = renderFilters({ q: 'jo' });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: ' ' } });
    fireEvent.submit(screen.getByRole('search'));
    expect(onChange).toHaveBeenCalledWith({});
  });

  it('does not apply typed text before a submit', () => {
    const { onChange } = renderFilters();
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'abc' } });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('filters on pending CallerIDs at once, keeping the other filters', () => {
    const { onChange } = renderFilters({ q: 'jo', status: 'active' });
    fireEvent.click(screen.getByLabelText('Only customers with CallerIDs to approve'));
    expect(onChange).toHaveBeenCalledWith({ q: 'jo', status: 'active', pending: true });
  });

  it('shows the text of a URL that changed', () => {
    const onChange = vi.fn();
    const { rerender } = render(<MantineProvider><CustomerFilters value={{ q: 'a' }} onChange={onChange} /></MantineProvider>);
    rerender(<MantineProvider><CustomerFilters value={{ q: 'b' }} onChange={onChange} /></MantineProvider>);
    expect(screen.getByLabelText<HTMLInputElement>('Search').value).toBe('b');
  });
});
