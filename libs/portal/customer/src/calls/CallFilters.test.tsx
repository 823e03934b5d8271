import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithUi } from '../test-utils';
import { CallFilters } from './CallFilters';
import { callsApiQuery, destinationDigits, validateCallSearch, type CallSearch } from './call-search';

/** The page's role: keeps the filters (as the URL would) and reports each change. */
const SIP_USERS = [
  { sipUsername: '1000000008', displayName: null },
  { sipUsername: '1000000008-2', displayName: 'Reception' },
];

function Harness({ initial, onChange, sipUsers }: { initial: CallSearch; onChange: (next: CallSearch) => void; sipUsers: typeof SIP_USERS }) {
  const [search, setSearch] = useState(initial);
  return (
    <CallFilters
      value={search}
      timeZone="Europe/Lisbon"
      sipUsers={sipUsers}
      onChange={(next) => {
        onChange(next);
        setSearch(next);
      }}
    />
  );
}

function setup(initial: CallSearch = {}, sipUsers: typeof SIP_USERS = []) {
  const onChange = vi.fn();
  renderWithUi(<Harness initial={initial} onChange={onChange} sipUsers={sipUsers} />);
  return { onChange, user: userEvent.setup({ delay: null }) };
}

describe('CallFilters', () => {
  it('keeps the other filters when the status changes, and "all" removes it', async () => {
    const { onChange, user } = setup({ from: '2026-12-01', destination: '44' });
    await user.selectOptions(screen.getByLabelText('Status'), 'unanswered');
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-12-01', destination: '44', status: 'unanswered' });
    await user.selectOptions(screen.getByLabelText('Status'), '');
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-12-01', destination: '44' });
  });

  it('applies a destination as its digits and refuses letters without applying them', async () => {
    const { onChange, user } = setup();
    await user.type(screen.getByLabelText(/Number starts with/), '+44 20');
    expect(onChange).toHaveBeenLastCalledWith({ destination: '4420' });
    onChange.mockClear();
    await user.type(screen.getByLabelText(/Number starts with/), 'x');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('Enter digits only (a leading + or 00 is fine)')).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/Number starts with/));
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('sets the day range, says the time zone, and clears everything', async () => {
    const { onChange, user } = setup({ status: 'rated' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ status: 'rated', from: '2026-11-01' });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    expect(onChange).toHaveBeenLastCalledWith({ status: 'rated', from: '2026-11-01', to: '2026-11-30' });
    expect(screen.getByText('Dates are days in your time zone: Europe/Lisbon')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onChange).toHaveBeenLastCalledWith({});
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('filters by one SIP user (by its display name too), keeping the other filters; "all" removes it', async () => {
    const { onChange, user } = setup({ status: 'rated' }, SIP_USERS);
    const select = screen.getByLabelText('SIP user');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toContain('Reception (1000000008-2)');
    await user.selectOptions(select, '1000000008-2');
    expect(onChange).toHaveBeenLastCalledWith({ status: 'rated', sip: '1000000008-2' });
    await user.selectOptions(select, '');
    expect(onChange).toHaveBeenLastCalledWith({ status: 'rated' });
  });

  it('has no SIP-user filter while the account has no SIP users', () => {
    setup();
    expect(screen.queryByLabelText('SIP user')).toBeNull();
  });

  it('shows the SIP user the URL names, also one the account no longer lists', () => {
    setup({ sip: 'gone-user' }, SIP_USERS);
    expect(screen.getByLabelText('SIP user')).toHaveValue('gone-user');
  });

  it('shows the destination the URL holds', () => {
    setup({ destination: '351' });
    expect(screen.getByLabelText(/Number starts with/)).toHaveValue('351');
  });
});

describe('call search params', () => {
  it('keeps valid params and drops the rest', () => {
    expect(validateCallSearch({ from: '2026-12-01', to: '2026-12-31', destination: '+44', status: 'rated' })).toEqual({ from: '2026-12-01', to: '2026-12-31', destination: '44', status: 'rated' });
    expect(validateCallSearch({ from: '2026-02-31', to: '12/31/2026', destination: 'abc', status: 'paid', other: 'x' })).toEqual({});
    expect(validateCallSearch({ destination: 351 })).toEqual({ destination: '351' });
    expect(validateCallSearch({ sip: '1000000008-2' })).toEqual({ sip: '1000000008-2' });
    expect(validateCallSearch({ sip: 1000000008 })).toEqual({ sip: '1000000008' });
    expect(validateCallSearch({ sip: ' ' })).toEqual({});
    expect(validateCallSearch({ sip: 'x'.repeat(65) })).toEqual({});
  });

  it('reads destinations as digits', () => {
    expect(destinationDigits('0044 (20)')).toBe('4420');
    expect(destinationDigits('+1-555')).toBe('1555');
    expect(destinationDigits('44a')).toBeNull();
    expect(destinationDigits('')).toBeNull();
  });

  it("turns days into the browser's local midnights, the end day included", () => {
    const query = callsApiQuery({ from: '2026-03-28', to: '2026-03-29', destination: '44', status: 'unrated' });
    expect(query).toEqual({ from: new Date(2026, 2, 28).toISOString(), to: new Date(2026, 2, 30).toISOString(), destination: '44', status: 'unrated' });
    expect(callsApiQuery({})).toEqual({});
  });

  it('asks the list (and so its CSV export) for the chosen SIP user', () => {
    expect(callsApiQuery({ status: 'rated', sip: '1000000008-2' })).toEqual({ status: 'rated', sipUsername: '1000000008-2' });
  });
});
