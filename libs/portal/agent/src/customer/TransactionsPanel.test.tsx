// The ledger's kinds (docs/API.md §7) and references read as words, not wire codes.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import { LEDGER_KINDS, ledgerKindKey } from '../hooks/ledger-kind.js';
import { renderAsAgent } from '../test/render.js';
import { TransactionsPanel } from './TransactionsPanel.js';

const line = (kind: string, ref: string, reference: string | null = null) => ({ id: `l-${kind}`, type: 'credit', kind, ref, reference, amount: '5', balanceAfter: '5', customerId: 'c-1', actor: null, occurredAt: '2026-12-04T10:00:00.000Z' });

describe('customer transactions (agent)', () => {
  it('shows a translated kind and a readable reference instead of deposit:initial and initial-<uuid>', async () => {
    await renderAsAgent(<TransactionsPanel customerId="c-1" />, () => Response.json({ items: [line('deposit:initial', 'initial-0b7e'), line('deposit:manual', 'd-1', 'REC-7'), line('call', 'call-9')], nextCursor: null }));
    // the opening deposit's kind says it; its reference cell is empty (not "Initial balance" a second time)
    const initial = (await screen.findByText('Initial balance')).closest('tr')!;
    const cells = within(initial).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(1, 3)).toEqual(['Initial balance', '']);
    expect(screen.getByText('Deposit')).toBeInTheDocument();
    expect(screen.getByText('REC-7')).toBeInTheDocument();
    expect(screen.queryByText(/deposit:initial|initial-0b7e/)).toBeNull();
  });

  it('every ledger kind the API documents has an English and a Spanish label', () => {
    const labels = (texts: typeof en) => LEDGER_KINDS.map((kind) => (texts.kinds as Record<string, string>)[ledgerKindKey(kind).slice('kinds.'.length)]);
    expect(labels(en).every((label) => typeof label === 'string' && label !== '')).toBe(true);
    expect(labels(es).every((label) => typeof label === 'string' && label !== '')).toBe(true);
  });
});
