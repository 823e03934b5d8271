import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, renderAsAgent } from '../test/render.js';
import { LedgerPage } from './LedgerPage.js';

const line = { id: 'l-1', type: 'debit', kind: 'transfer', ref: 'tr-1', reference: 'March', amount: '-20', balanceAfter: '80', customerId: 'c-1', actor: 'agent:agent-7', occurredAt: '2026-12-04T10:00:00Z' };
const commission = { id: 'm-1', type: 'credit', kind: 'commission-accrued', ref: 'tr-1', customerId: 'c-1', baseAmount: '20', commissionPercent: '2.5', amount: '0.5', commissionBalanceAfter: '2', occurredAt: '2026-12-04T10:00:00Z' };

describe('LedgerPage', () => {
  // acceptance: the agent had no page for its own ledger and commission lines
  it("lists the agent's own main-balance and commission lines", async () => {
    const { sent } = await renderAsAgent(<LedgerPage />, (call) =>
      call.path.startsWith('/api/v1/agents/agent-7/transactions') ? Response.json({ items: [line], nextCursor: null }) : Response.json({ items: [commission], nextCursor: null }),
    );
    expect(await screen.findByText('March')).toBeInTheDocument();
    expect(await screen.findByText('2.5 %')).toBeInTheDocument();
    expect(screen.getByText('$0.50')).toBeInTheDocument();
    // two exports, told apart by what they show (their names are their visible texts)
    expect(screen.getByRole('button', { name: 'Export main balance lines CSV' })).toHaveTextContent('Export main balance lines CSV');
    expect(screen.getByRole('button', { name: 'Export commission lines CSV' })).toHaveTextContent('Export commission lines CSV');
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
    expect(sent.map((call) => call.path.split('?')[0]).sort()).toEqual(['/api/v1/agents/agent-7/commissions', '/api/v1/agents/agent-7/transactions']);
  });

  it('downloads its commission lines as CSV, and shows a refusal', async () => {
    const { sent } = await renderAsAgent(<LedgerPage />, (call) =>
      call.path.includes('format=csv')
        ? problem(503, 'unavailable', 'Try again in a minute.')
        : Response.json({ items: call.path.startsWith('/api/v1/agents/agent-7/transactions') ? [line] : [commission], nextCursor: null }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Export commission lines CSV' }));
    expect(await screen.findByText(/Try again in a minute/)).toBeInTheDocument();
    expect(sent.filter((call) => call.path.includes('format=csv')).map((call) => call.path)).toEqual(['/api/v1/agents/agent-7/commissions?format=csv']);
  });
});
