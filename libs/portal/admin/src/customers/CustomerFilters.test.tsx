import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CustomerFilters } from './CustomerFilters';
import en from './i18n/en.json';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', ns: ['admin'], defaultNS: 'admin', resources: { en: { admin: en } } });
});

const agents = [{ id: 'a1', name: 'Acme' }];
const renderFilters = (value: Parameters<typeof CustomerFilters>[0]['value'], onChange = vi.fn()) => {
  const view = render(<MantineProvider><CustomerFilters value={value} onChange={onChange} agents={agents} /></MantineProvider>);
  return { onChange, view };
};

describe('CustomerFilters', () => {
  it('applies the trimmed search and batch on submit, keeping the other filters', () => {
    const { onChange } = renderFilters({ status: 'active', agentId: 'a1' });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: '  1000 ' } });
    fireEvent.change(screen.getByLabelText('Batch'), { target: { value: 'b-7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange).toHaveBeenCalledWith({ status: 'active', agentId: 'a1', q: '1000', batchId: 'b-7' });
  });

  it('drops a cleared filter from the URL search', () => {
    const { onChange } = renderFilters({ q: 'jo', batchId: 'b-7' });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange.mock.calls[0]?.[0]).toStrictEqual({ batchId: 'b-7' });
  });

  it('"Any agent" removes the agent filter at once', async () => {
    const { onChange } = renderFilters({ agentId: 'a1', status: 'suspended' });
    fireEvent.click(screen.getAllByLabelText('Agent')[0]!);
    fireEvent.click(await screen.findByRole('option', { name: 'Any agent', hidden: true }));
    expect(onChange.mock.calls[0]?.[0]).toStrictEqual({ status: 'suspended' });
  });

  it('shows a search that changed in the URL', () => {
    const onChange = vi.fn();
    const { view } = renderFilters({ q: 'a' }, onChange);
    view.rerender(<MantineProvider><CustomerFilters value={{ q: 'b' }} onChange={onChange} agents={agents} /></MantineProvider>);
    expect(screen.getByLabelText<HTMLInputElement>('Search').value).toBe('b');
  });
});
