import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { NotificationFilters } from './NotificationFilters';
import { validateNotificationsSearch } from './search';

/** The Select's input (its listbox carries the same label). */
const statusInput = () => screen.getAllByLabelText('Status').find((element) => element.tagName === 'INPUT')!;

describe('NotificationFilters', () => {
  it('applies a status at once and keeps the recipient', async () => {
    const onChange = vi.fn();
    renderAdmin(<NotificationFilters search={{ recipient: 'ops@acme.example' }} onChange={onChange} />);
    await userEvent.click(statusInput());
    await userEvent.click(await screen.findByRole('option', { name: 'Failed', hidden: true }));
    expect(onChange).toHaveBeenLastCalledWith({ status: 'failed', recipient: 'ops@acme.example' });
  });

  it('drops an emptied recipient on submit', async () => {
    const onChange = vi.fn();
    renderAdmin(<NotificationFilters search={{ status: 'sent', recipient: 'ops@acme.example' }} onChange={onChange} />);
    await userEvent.clear(screen.getByLabelText('Recipient'));
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange).toHaveBeenLastCalledWith({ status: 'sent' });
  });

  it('"All" drops the status', async () => {
    const onChange = vi.fn();
    renderAdmin(<NotificationFilters search={{ status: 'sent' }} onChange={onChange} />);
    await userEvent.click(statusInput());
    await userEvent.click(await screen.findByRole('option', { name: 'All', hidden: true }));
    expect(onChange).toHaveBeenLastCalledWith({});
  });
});

describe('validateNotificationsSearch', () => {
  it('keeps a known status and a recipient, drops the rest', () => {
    expect(validateNotificationsSearch({ status: 'skipped', recipient: ' a@b.c ', other: 1 })).toEqual({ status: 'skipped', recipient: 'a@b.c' });
    expect(validateNotificationsSearch({ status: 'bogus', recipient: '' })).toEqual({});
  });
});
