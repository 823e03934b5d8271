import { FakeEventSource } from '@billing/portal-ui/testing';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallerIdsPage } from '../pages/CallerIdsPage';
import { renderAsCustomer } from '../test-utils';

afterEach(() => {
  FakeEventSource.instances = [];
  vi.unstubAllGlobals();
});

/** The account as the server has it: the pending list the test changes. */
function server(pending: string[]) {
  const account = () => ({ id: 'c-1', callerIds: ['+442079460958'], defaultCallerId: '+442079460958', pendingCallerIds: [...pending], features: { callerIdSelfManagement: true } });
  return async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/reports/stream-tickets') return Response.json({ ticket: 't', expiresInSeconds: 30, streamPath: '/api/v1/reports/live?ticket=t' }, { status: 201 });
    if (request.method === 'DELETE') {
      pending.splice(pending.indexOf(decodeURIComponent(path.split('/').at(-1) ?? '')), 1);
      return Response.json(account());
    }
    return Response.json(account());
  };
}

async function feed(): Promise<FakeEventSource> {
  await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
  return FakeEventSource.instances[0]!;
}

describe('CallerIdsPage: a refused CallerID', () => {
  // acceptance: a CallerID the agent refused just disappeared from the page without a word
  it('tells the customer the number was refused, until dismissed', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const pending = ['+15550100123'];
    await renderAsCustomer(<CallerIdsPage />, server(pending));
    expect(await screen.findByText('+15550100123')).toBeTruthy();
    const source = await feed();

    pending.length = 0;
    act(() => source.emit('caller-ids', 'e-1', { customerId: 'c-1', agentId: null, callerId: '+15550100123', change: 'refused', pendingCallerIds: [] }));

    const notice = await screen.findByRole('status');
    expect(within(notice).getByText('+15550100123 was refused by your provider: your calls cannot show it.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('+15550100123')).toBeNull());
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  it('says nothing for a request or an approval, nor for a number the customer withdrew itself (the feed reports it as refused)', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const pending = ['+15550100123'];
    await renderAsCustomer(<CallerIdsPage />, server(pending));
    const source = await feed();
    act(() => source.emit('caller-ids', 'e-1', { customerId: 'c-1', agentId: null, callerId: '+15550100999', change: 'requested', pendingCallerIds: ['+15550100123', '+15550100999'] }));
    act(() => source.emit('caller-ids', 'e-2', { customerId: 'c-1', agentId: null, callerIds: ['+442079460958'], defaultCallerId: '+442079460958' }));

    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw +15550100123' }));
    await waitFor(() => expect(screen.queryByText('+15550100123')).toBeNull());
    act(() => source.emit('caller-ids', 'e-3', { customerId: 'c-1', agentId: null, callerId: '+15550100123', change: 'refused', pendingCallerIds: [] }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  // review: a withdrawal the server refused (the agent refused the number at that moment) left the number
  // marked as withdrawn, and the agent's refusal was never told
  it('tells the refusal when the customer tried to withdraw the number but the withdrawal failed', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const pending = ['+15550100123'];
    const answer = server(pending);
    await renderAsCustomer(<CallerIdsPage />, async (request) => {
      if (request.method !== 'DELETE') return answer(request);
      pending.length = 0;
      return Response.json({ type: 'urn:itc-billing:problem:not_found', title: 'not_found', status: 404, code: 'not_found', detail: 'No such pending CallerID.' }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    });
    const source = await feed();
    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw +15550100123' }));
    await screen.findByText(/No such pending CallerID/);
    act(() => source.emit('caller-ids', 'e-1', { customerId: 'c-1', agentId: null, callerId: '+15550100123', change: 'refused', pendingCallerIds: [] }));
    expect(await screen.findByText('+15550100123 was refused by your provider: your calls cannot show it.')).toBeTruthy();
  });

  it('in Spanish', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    await renderAsCustomer(<CallerIdsPage />, server(['+15550100123']), 'es');
    const source = await feed();
    act(() => source.emit('caller-ids', 'e-1', { customerId: 'c-1', agentId: null, callerId: '+15550100123', change: 'refused', pendingCallerIds: [] }));
    expect(await screen.findByText('Su proveedor ha rechazado +15550100123: sus llamadas no podrán mostrarlo.')).toBeTruthy();
  });
});
