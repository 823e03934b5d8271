import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problemResponse, renderAsCustomer } from '../test-utils';
import { RateLookup } from './RateLookup';

describe('RateLookup', () => {
  // acceptance: the Spanish portal showed the rate lookup's refusal in English
  it('says a refusal about the number in Spanish next to it, and drops it once the number is edited', async () => {
    await renderAsCustomer(<RateLookup currency="EUR" />, async () => problemResponse(404, 'no_rate', 'no rate for 99912345 in this sheet'), 'es');
    const number = screen.getByRole('textbox', { name: /Precio de una llamada a|Price of a call to/ });
    fireEvent.change(number, { target: { value: '+999 12345' } });
    fireEvent.submit(number.closest('form')!);
    await waitFor(() => expect(number).toHaveAccessibleDescription('no hay tarifa para 99912345 en esta hoja'));
    fireEvent.change(number, { target: { value: '+34 911' } });
    expect(screen.queryByText('no hay tarifa para 99912345 en esta hoja')).toBeNull();
  });
});
