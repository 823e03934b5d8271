// The customer's forms with icon buttons and Mantine's built-in controls (password visibility,
// drag handles, copy, close) through axe-core's name rules: every button has a name.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CallFilters } from './calls/CallFilters';
import { FollowMeEditor } from './follow-me/FollowMeEditor';
import { PasswordForm } from './settings/PasswordForm';
import { SipUsersCard } from './settings/SipUsersCard';
import { renderAsCustomer, renderWithUi } from './test-utils';

async function namelessControls(): Promise<string[]> {
  const result = await axe.run(document.body, { runOnly: { type: 'rule', values: ['button-name', 'aria-command-name', 'input-button-name', 'link-name', 'aria-prohibited-attr'] } });
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html}`));
}

const sipUsers = { items: [{ sipUsername: '1000000008', displayName: null, status: 'active' }] };

describe('customer controls have names (axe button-name)', () => {
  it.each<[string, () => ReactElement]>([
    ['FollowMe editor', () => <FollowMeEditor initial={{ enabled: true, targets: [{ destination: '+442079460958', ringSeconds: 20 }] }} featureAssigned onSave={() => undefined} saving={false} error={null} saved={false} />],
    ['call filters', () => <CallFilters value={{ sip: '1000000008-2' }} onChange={() => undefined} timeZone="UTC" sipUsers={[{ sipUsername: '1000000008', displayName: null }, { sipUsername: '1000000008-2', displayName: 'Reception' }]} />],
  ])('%s', async (_name, element) => {
    renderWithUi(element());
    expect(await namelessControls()).toEqual([]);
  });

  it('password form', async () => {
    await renderAsCustomer(<PasswordForm />, async () => new Response(null, { status: 204 }));
    expect(await namelessControls()).toEqual([]);
  });

  it('SIP users with a new password shown', async () => {
    await renderAsCustomer(<SipUsersCard sipRealm="localhost" />, async (request) =>
      request.method === 'GET' ? Response.json(sipUsers) : Response.json({ sipUsername: '1000000008', sipPassword: 'new-secret', sipRealm: 'localhost' }),
    );
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /New password|Reset/i }));
    expect(await screen.findByText('new-secret')).toBeInTheDocument();
    expect(await namelessControls()).toEqual([]);
  });
});
