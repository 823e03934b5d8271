// A call row on a 390 px phone: the start time was cut ("12/5/26, 12:4…") because it shared its
// line with the number dialled and the cost. jsdom lays nothing out, so this holds the layout's
// rule instead: the date and time share their line only with the cost. The place name then gave way
// to the number beside it ("United Kingdo…", es "Destin…"): on a phone (stacked) it has its own line.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Call } from '../shared/customer-api';
import { renderWithUi } from '../test-utils';
import { CallRow } from './CallRow';

const call = { callId: 'c-1', status: 'rated', cost: '18', startedAt: '2026-12-05T00:48:00Z', destination: '+442079460958', destinationName: 'United Kingdom', sipUsername: 'office', billsec: 7200 } as unknown as Call;

describe('CallRow', () => {
  it('gives the whole start time a line with only the cost; the number dialled leads the second line', () => {
    renderWithUi(<CallRow call={call} currency="USD" formatTime={() => '12/5/26, 12:48 AM'} />);
    const time = screen.getByText('12/5/26, 12:48 AM');
    expect(time.tagName).toBe('TIME');
    expect(time.parentElement).toHaveTextContent(/^12\/5\/26, 12:48 AM\$18\.00$/);
    const number = screen.getByText('+442079460958');
    expect(number.closest('div')).toHaveTextContent(/^\+442079460958· United Kingdom · office120:00Charged$/);
  });

  it('stacked (a phone): the place name and SIP user get a third line of their own, the number keeps duration and status', () => {
    renderWithUi(<CallRow call={call} currency="USD" formatTime={() => '12/5/26, 12:48 AM'} stacked />);
    const number = screen.getByText('+442079460958');
    expect(number.closest('div')).toHaveTextContent(/^\+442079460958120:00Charged$/);
    const place = screen.getByText('United Kingdom · office');
    expect(place.parentElement).toHaveTextContent(/^United Kingdom · office$/);
    expect(place.closest('div')).not.toBe(number.closest('div'));
  });

  it('stacked: a call without a SIP user or a known place says the place is unknown, alone on its line', () => {
    renderWithUi(<CallRow call={{ ...call, destinationName: null, sipUsername: null }} currency="USD" formatTime={() => 'x'} stacked />);
    expect(screen.getByText('Unknown destination').parentElement).toHaveTextContent(/^Unknown destination$/);
  });
});
