// A call row on a 390 px phone: the start time was cut ("12/5/26, 12:4…") because it shared its
// line with the number dialled and the cost. jsdom lays nothing out, so this holds the layout's
// rule instead: the date and time share their line only with the cost.
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
});
