// axe "button-name": every button of the admin dialogs and forms has a name a screen reader can
// say — the dialogs' close (×) buttons and the deck's clear button included, which show no text.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Agent, LedgerLine } from '../agents/agent-wire';
import { CreateAgentModal } from '../agents/CreateAgentModal';
import { EditAgentModal } from '../agents/EditAgentModal';
import { ReverseDepositModal } from '../agents/ReverseDepositModal';
import { SetPasswordButton } from '../agents/SetPasswordButton';
import { SuspendAgentButton } from '../agents/SuspendAgentButton';
import type { Customer } from '../customers/customer-wire';
import { OpenBatchModal } from '../customers/OpenBatchModal';
import { OpenCustomerModal } from '../customers/OpenCustomerModal';
import { StatusActions } from '../customers/StatusActions';
import { ProfilesPage } from '../profiles/ProfilesPage';
import { DeckForm } from '../sheets/DeckForm';
import { renderAdmin } from './render';

// the reads never answer: these tests look at what the dialogs render, not at the API
vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: () => new Promise(() => undefined) } }),
}));
vi.mock('@tanstack/react-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tanstack/react-router')>()),
  useNavigate: () => vi.fn(),
}));

function renderWithQueries(element: ReactElement) {
  return renderAdmin(<QueryClientProvider client={new QueryClient()}>{element}</QueryClientProvider>);
}

/** The buttons a screen reader would announce as just "button". */
function unnamedButtons(): HTMLElement[] {
  return screen.queryAllByRole('button', { name: (name) => name.trim() === '' });
}

async function expectNamedDialog() {
  const dialog = await screen.findByRole('dialog');
  expect(dialog).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Close this window' })).toBeInTheDocument();
  expect(unnamedButtons()).toEqual([]);
}

const agent = {
  id: 'a1',
  name: 'Acme Telecom',
  status: 'active',
  contactEmail: 'ops@acme.example',
  commissionPercent: '10',
  rateSheetId: 's1',
  lowBalanceThreshold: '0',
  maxCustomerCreditLimit: '0',
  maxTotalCustomerCredit: '0',
  customersMayAddCallerIds: true,
  username: 'acme',
  registeredAt: '2026-01-01T00:00:00Z',
} as unknown as Agent;

const customer = { id: 'c1', status: 'active' } as unknown as Customer;

describe('admin buttons have accessible names', () => {
  it('the agent dialogs: new, edit, portal password, suspend, reverse a deposit', async () => {
    const { unmount } = renderWithQueries(<CreateAgentModal opened onClose={vi.fn()} onCreated={vi.fn()} />);
    await expectNamedDialog();
    unmount();

    const edit = renderWithQueries(<EditAgentModal agent={agent} opened onClose={vi.fn()} />);
    await expectNamedDialog();
    edit.unmount();

    const password = renderWithQueries(<SetPasswordButton agent={agent} />);
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    await expectNamedDialog();
    password.unmount();

    const suspend = renderWithQueries(<SuspendAgentButton agent={agent} />);
    await userEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    await expectNamedDialog();
    suspend.unmount();

    const line = { id: 'l1', kind: 'deposit:manual', ref: 'd1', reference: 'WIRE-1', amount: '10', balanceAfter: '10', occurredAt: '2026-01-01T00:00:00Z' } as unknown as LedgerLine;
    renderWithQueries(<ReverseDepositModal agentId="a1" line={line} onClose={vi.fn()} />);
    await expectNamedDialog();
  });

  it('the customer dialogs: open one, open a batch, confirm a close', async () => {
    const one = renderWithQueries(<OpenCustomerModal opened onClose={vi.fn()} />);
    await expectNamedDialog();
    one.unmount();

    const batch = renderWithQueries(<OpenBatchModal opened onClose={vi.fn()} />);
    await expectNamedDialog();
    batch.unmount();

    renderWithQueries(<StatusActions customer={customer} />);
    expect(unnamedButtons()).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await expectNamedDialog();
  });

  it('the profiles page and its dialog', async () => {
    renderWithQueries(<ProfilesPage />);
    expect(unnamedButtons()).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'New profile' }));
    await expectNamedDialog();
  });

  it("the deck form's clear button, once a file is chosen", async () => {
    const onChange = vi.fn();
    const value = { text: '', fileName: null, name: '', effectiveFrom: '', decimals: null, mode: null };
    const { container } = renderAdmin(<DeckForm value={value} onChange={onChange} withName fieldErrors={{}} />);
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File(['prefix,destination\n'], 'deck.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove the chosen deck file' })).toBeInTheDocument());
    expect(unnamedButtons()).toEqual([]);
  });
});
