// Every dialog of the agent's pages, opened, through axe-core's name rules (the browser suite's
// checker): a Modal's close button is an icon only, it has a name only when we give it one.
import { fireEvent, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PasswordOnce } from './customer/PasswordOnce.js';
import { PortalPasswordCard } from './customer/PortalPasswordCard.js';
import { RenameSipUser } from './customer/RenameSipUser.js';
import { OpenCustomerModal } from './customers/OpenCustomerModal.js';
import { CreateProfileModal } from './profiles/CreateProfileModal.js';
import { MarkupModal } from './sheets/MarkupModal.js';
import { renderAsAgent } from './test/render.js';

/** The controls axe finds without an accessible name (button-name and its ARIA siblings). */
async function namelessControls(): Promise<string[]> {
  const result = await axe.run(document.body, { runOnly: { type: 'rule', values: ['button-name', 'aria-command-name', 'input-button-name', 'link-name'] } });
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html}`));
}

const api = (call: { path: string }) => {
  if (call.path.startsWith('/api/v1/customer-profiles')) return Response.json({ items: [], nextCursor: null });
  if (call.path.startsWith('/api/v1/rate-sheets')) return Response.json({ items: [] });
  return Response.json({ portalUsername: '1000000016', portalPassword: 'new-secret' });
};

const dialogs: Array<[string, ReactElement]> = [
  ['Open a customer', <OpenCustomerModal opened onClose={() => undefined} />],
  ['New profile', <CreateProfileModal opened onClose={() => undefined} />],
  ['Change the markup', <MarkupModal sheetId="s-1" name="Retail" markupPercent="20" onClose={() => undefined} />],
  ['Rename a SIP user', <RenameSipUser customerId="c-1" sipUsername="1000000016" displayName={null} onClose={() => undefined} />],
  ['SIP password shown once', <PasswordOnce credentials={{ sipUsername: '1000000016', sipPassword: 'sip-secret', sipRealm: 'localhost' }} onClose={() => undefined} />],
];

describe('the agent dialogs name every button (axe button-name)', () => {
  it.each(dialogs)('%s', async (_name, dialog) => {
    await renderAsAgent(dialog, api);
    const close = await screen.findByRole('button', { name: 'Close' });
    expect(close.closest('[role="dialog"], section')).not.toBeNull();
    expect(await namelessControls()).toEqual([]);
  });

  it('the new portal password dialog', async () => {
    await renderAsAgent(<PortalPasswordCard customerId="c-1" />, api);
    fireEvent.click(screen.getByRole('button', { name: 'New portal password' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, replace the portal password' }));
    expect(await screen.findByText('new-secret')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
    expect(await namelessControls()).toEqual([]);
  });
});
