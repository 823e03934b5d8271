// The customer page's SIP-user, trunk and PBX-feature forms: what is typed is never cut, and the
// API's refusals (docs/API.md §6a–6c, which name no field) go next to their input, gone once it is edited.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import type { Customer, Features } from './customer-wire';
import { CallerIdsPanel } from './CallerIdsPanel';
import { FeaturesForm } from './FeaturesForm';
import { OpenCustomerModal } from './OpenCustomerModal';
import { SipUsersPanel } from './SipUsersPanel';
import { TrunksPanel } from './TrunksPanel';

const problem = (code: string, detail: string) => ({ type: 'about:blank', title: code, status: 422, code, detail });
let refusal: unknown = null;
const post = vi.fn(() => Promise.resolve({ error: refusal, response: new Response(null, { status: 422 }) }));

vi.mock('@tanstack/react-router', () => ({ Link: () => null }));
vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: {
      // one profile to open customers from (docs/API.md §5); nothing else is listed
      GET: (path: string) => Promise.resolve({ data: { items: path === '/api/v1/customer-profiles' ? [{ id: 'p1', name: 'Basic', status: 'active', ownerAgentId: null }] : [] }, response: new Response(null, { status: 200 }) }),
      POST: post,
    },
  }),
}));

const customer = { id: 'c1', status: 'active' } as unknown as Customer;
const features: Features = { followMe: true, callerIdSelfManagement: false, internationalCalls: true, premiumDestinations: false, callRecording: false, voicemail: false, homeCountryCode: null, premiumPrefixes: [] };
const show = (element: ReactElement) => renderAdmin(<QueryClientProvider client={new QueryClient()}>{element}</QueryClientProvider>);

describe('TrunksPanel', () => {
  it('keeps an 11-digit tech prefix as typed, says the rule next to it and adds nothing (was cut to 10 and saved)', async () => {
    post.mockClear();
    show(<TrunksPanel customer={customer} />);
    const prefix = screen.getByRole('textbox', { name: 'Tech prefix' });
    await userEvent.type(screen.getByRole('textbox', { name: /^Address/ }), '203.0.113.7');
    await userEvent.type(prefix, '12345678901');
    expect(prefix).toHaveValue('12345678901');
    expect(prefix).toHaveAccessibleDescription('1 to 10 of 0–9, * and #');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(post).not.toHaveBeenCalled();
  });

  it("puts invalid_trunk_address next to the address, not in a box below the form; editing the address drops it", async () => {
    refusal = problem('invalid_trunk_address', 'trunk address 203.0.113.7/24 has host bits set');
    show(<TrunksPanel customer={customer} />);
    const address = screen.getByRole('textbox', { name: /^Address/ });
    await userEvent.type(address, '203.0.113.7/24');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('trunk address 203.0.113.7/24 has host bits set')).toBeInTheDocument();
    expect(address).toHaveAccessibleDescription('trunk address 203.0.113.7/24 has host bits set');
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.type(address, '0');
    expect(address).not.toHaveAccessibleDescription(/host bits/);
  });
});

describe('SipUsersPanel', () => {
  it('puts invalid_sip_username next to the username (was a box titled with the raw code)', async () => {
    refusal = problem('invalid_sip_username', 'SIP username must be 3 to 32 characters: lowercase letters, digits and . _ -');
    show(<SipUsersPanel customer={customer} />);
    const username = screen.getByRole('textbox', { name: /^Username/ });
    await userEvent.type(username, 'Bad Name');
    await userEvent.click(screen.getAllByRole('button', { name: 'Add a SIP user' }).at(-1) as HTMLElement);
    expect(await screen.findByText(/SIP username must be 3 to 32/)).toBeInTheDocument();
    expect(username).toHaveAccessibleDescription(/SIP username must be 3 to 32/);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('FeaturesForm', () => {
  it('puts invalid_premium_prefix next to the prefixes, not in a box at the bottom', () => {
    show(<FeaturesForm features={features} onSave={vi.fn()} saving={false} error={problem('invalid_premium_prefix', 'premiumPrefixes[0] must be 1 to 15 digits, not starting with 0')} saved={false} />);
    expect(screen.getByRole('textbox', { name: /^Premium prefixes/ })).toHaveAccessibleDescription(/must be 1 to 15 digits/);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('OpenCustomerModal', () => {
  it('puts username_taken next to the portal username', async () => {
    refusal = { ...problem('username_taken', 'portal username jo is taken'), status: 409 };
    post.mockClear();
    show(<OpenCustomerModal opened onClose={vi.fn()} />);
    const username = screen.getByRole('textbox', { name: /^Portal username/ });
    await userEvent.type(username, 'jo');
    const form = username.closest('form') as HTMLFormElement;
    // no profile chosen: said next to it in the portal's words (the form is noValidate), nothing sent
    expect(form.noValidate).toBe(true);
    fireEvent.submit(form);
    const profile = screen.getByLabelText(/^Profile/, { selector: 'input' });
    expect(profile).toHaveAccessibleDescription('Fill in this field');
    expect(post).not.toHaveBeenCalled();
    await userEvent.click(profile);
    await userEvent.click(await screen.findByRole('option', { name: /^Basic/, hidden: true }));
    fireEvent.submit(form);
    expect(await screen.findByText('portal username jo is taken')).toBeInTheDocument();
    expect(username).toHaveAccessibleDescription(/portal username jo is taken/);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('CallerIdsPanel', () => {
  it('puts invalid_caller_id next to the number', async () => {
    refusal = problem('invalid_caller_id', 'a CallerID is + and 8 to 15 digits');
    show(<CallerIdsPanel customer={{ ...customer, callerIds: [], pendingCallerIds: [], defaultCallerId: null, followMe: { enabled: false, targets: [] } } as unknown as Customer} />);
    const number = screen.getByRole('textbox', { name: /^Number/ });
    await userEvent.type(number, '12');
    fireEvent.submit(number.closest('form') as HTMLFormElement);
    expect(await screen.findByText('a CallerID is + and 8 to 15 digits')).toBeInTheDocument();
    expect(number).toHaveAccessibleDescription('a CallerID is + and 8 to 15 digits');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
