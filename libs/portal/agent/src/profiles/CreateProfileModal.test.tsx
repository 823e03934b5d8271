import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem, renderAsAgent } from '../test/render.js';
import { CreateProfileModal } from './CreateProfileModal.js';

describe('CreateProfileModal', () => {
  it("a sheet priced below the agent's cost is shown at the sheet picker", async () => {
    await renderAsAgent(<CreateProfileModal opened onClose={() => undefined} />, (call) => {
      if (call.method === 'GET') return Response.json({ items: [] });
      return problem(403, 'rate_sheet_below_cost', 'The sheet prices some destinations below your cost');
    });
    fireEvent.change(await screen.findByRole('textbox', { name: /Name/ }), { target: { value: 'Basic' } });
    fireEvent.submit(screen.getByRole('textbox', { name: /Name/ }).closest('form')!);
    await waitFor(() => expect(screen.getAllByLabelText('Rate sheet').find((element) => element.tagName === 'INPUT' && element.getAttribute('type') !== 'hidden')).toHaveAccessibleDescription(/prices some destinations below your cost/));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  // acceptance: 1001 simultaneous calls became 1000 on blur (Mantine's clamp) and was sent
  it('never clamps the simultaneous calls: out of range it says so next to the input and sends nothing', async () => {
    const { sent } = await renderAsAgent(<CreateProfileModal opened onClose={() => undefined} />, (call) => (call.method === 'GET' ? Response.json({ items: [] }) : Response.json({}, { status: 201 })));
    fireEvent.change(await screen.findByRole('textbox', { name: /Name/ }), { target: { value: 'Basic' } });
    const calls = screen.getByRole('textbox', { name: /simultaneous|calls/i });
    fireEvent.change(calls, { target: { value: '1001' } });
    fireEvent.blur(calls);
    expect(calls).toHaveValue('1001');
    expect(calls).toHaveAccessibleDescription('Enter a whole number from 1 to 1000');
    fireEvent.submit(calls.closest('form')!);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it('drops a server error about a field once that field is edited', async () => {
    await renderAsAgent(<CreateProfileModal opened onClose={() => undefined} />, (call) => (call.method === 'GET' ? Response.json({ items: [] }) : problem(409, 'name_taken', 'a profile of this owner is already named "Basic"')));
    const name = await screen.findByRole('textbox', { name: /Name/ });
    fireEvent.change(name, { target: { value: 'Basic' } });
    fireEvent.submit(name.closest('form')!);
    await waitFor(() => expect(name).toHaveAccessibleDescription(/already named/));
    fireEvent.change(name, { target: { value: 'Basic 2' } });
    expect(name).not.toHaveAccessibleDescription(/already named/);
  });
});
