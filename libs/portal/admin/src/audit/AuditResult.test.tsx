import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAdmin } from '../test/render';
import { AuditResult } from './AuditResult';
import type { AuditRun } from './audit-wire';

const balanced: AuditRun = {
  ok: true,
  checkedAt: '2026-12-04T22:00:00.000Z',
  eventCount: 1234,
  postingCount: 5678,
  postingsTotal: '0',
  accounts: 42,
  problems: 0,
  durationMs: 87,
  report: 'wallet audit: OK: 1234 events, 5678 postings, postings total 0, 42 accounts, 0 problem(s)\n  OK in 87 ms',
};

const drifted: AuditRun = {
  ...balanced,
  ok: false,
  postingsTotal: '-1.5',
  problems: 3,
  report: [
    'wallet audit: FAILED: 1234 events, 5678 postings, postings total -1.500000, 42 accounts, 2 problem(s)',
    '  itc:clearing                  0',
    '  ✗ customer:c1: events say 10.000000, projection says 12.000000',
    '  ✗ all postings sum to -1.500000, not 0',
    '  FAILED in 87 ms',
  ].join('\n'),
};

describe('AuditResult', () => {
  it('says the books are balanced, with the counts and the report, and lists no difference', () => {
    renderAdmin(<AuditResult run={balanced} currency="USD" />);
    expect(screen.getByRole('status')).toHaveTextContent('Books balanced');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('listitem')).toBeNull();
    expect(screen.getByText('1,234')).toBeInTheDocument();
    expect(screen.getByText('5,678')).toBeInTheDocument();
    expect(screen.getByText('$0.00')).toBeInTheDocument();
    expect(screen.getByLabelText('Full report')).toHaveTextContent('wallet audit: OK');
  });

  it('lists each difference the report names and says how many more there are', () => {
    renderAdmin(<AuditResult run={drifted} currency="USD" />);
    expect(screen.queryByText('Books balanced')).toBeNull();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('3 differences found');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['customer:c1: events say 10.000000, projection says 12.000000', 'all postings sum to -1.500000, not 0']);
    expect(alert).toHaveTextContent('… and 1 more in the report below.');
    expect(screen.getByText('-$1.50')).toBeInTheDocument();
    expect(screen.getByLabelText('Full report')).toHaveTextContent('FAILED in 87 ms');
  });
});
