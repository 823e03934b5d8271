import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAsAgent } from '../test/render.js';
import { StatusCard } from './StatusCard.js';

describe('StatusCard', () => {
  it('a double click on Suspend sends one request', async () => {
    let release: () => void = () => undefined;
    const { sent } = await renderAsAgent(<StatusCard customerId="c-1" status="active" />, () => new Promise<Response>((resolve) => {
      release = () => resolve(Response.json({ id: 'c-1', status: 'suspended' }));
    }));
    const suspend = screen.getByRole('button', { name: 'Suspend customer' });
    fireEvent.click(suspend);
    fireEvent.click(suspend);
    await waitFor(() => expect(sent).toHaveLength(1));
    release();
    await waitFor(() => expect(suspend).not.toHaveAttribute('data-loading'));
    expect(sent.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v1/customers/c-1/suspend']);
  });
});
