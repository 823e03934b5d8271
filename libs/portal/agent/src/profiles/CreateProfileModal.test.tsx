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
});
