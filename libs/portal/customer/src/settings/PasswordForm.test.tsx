// The password form against an in-test API: refusals at their input in the portal's language.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problemResponse, renderAsCustomer } from '../test-utils';
import { PasswordForm } from './PasswordForm';

async function setup(language: 'en' | 'es', answer: (body: { currentPassword: string; newPassword: string }) => Response | Promise<Response>) {
  await renderAsCustomer(
    <PasswordForm />,
    async (request) => {
      if (new URL(request.url).pathname !== '/api/v1/auth/password') return new Response(null, { status: 404 });
      return answer((await request.json()) as { currentPassword: string; newPassword: string });
    },
    language,
  );
  return userEvent.setup({ delay: null });
}

async function fill(user: ReturnType<typeof userEvent.setup>, labels: [string, string, string], current: string, next: string) {
  await user.type(screen.getByLabelText(labels[0]), current);
  await user.type(screen.getByLabelText(labels[1]), next);
  await user.type(screen.getByLabelText(labels[2]), next);
}

const SPANISH: [string, string, string] = ['Contraseña actual', 'Contraseña nueva', 'Repita la contraseña nueva'];

describe('PasswordForm', () => {
  // acceptance (c29-es-password-errors-phone.png): the Spanish portal showed the server's English
  it('shows a wrong current password in Spanish at the current password', async () => {
    const user = await setup('es', () => problemResponse(403, 'wrong_current_password', 'The current password is not right; nothing was changed.'));
    await fill(user, SPANISH, 'old-secret', 'a-new-Secret-77');
    await user.click(screen.getByRole('button', { name: 'Cambiar la contraseña' }));
    await screen.findByText('La contraseña actual no es correcta; no se cambió nada.');
    expect(screen.getByLabelText('Contraseña actual')).toHaveAccessibleDescription('La contraseña actual no es correcta; no se cambió nada.');
    expect(screen.queryByText(/not right/)).toBeNull();
  });

  it('says the weak-password rule in Spanish at the new password', async () => {
    const user = await setup('es', () => problemResponse(422, 'weak_password', 'password must have at least 5 different characters (not one character or a short pattern repeated)'));
    await fill(user, SPANISH, 'old-secret', 'aaaaaaaaaaaa');
    await user.click(screen.getByRole('button', { name: 'Cambiar la contraseña' }));
    const rule = 'la contraseña debe tener al menos 5 caracteres distintos (no un carácter ni un patrón corto repetido)';
    await screen.findByText(rule);
    expect(screen.getByLabelText('Contraseña nueva')).toHaveAccessibleDescription(expect.stringContaining(rule));
  });

  it('says what is happening while the change and the new login run', async () => {
    let release: () => void = () => undefined;
    const user = await setup('en', () => new Promise<Response>((resolve) => (release = () => resolve(new Response(null, { status: 204 })))));
    await fill(user, ['Current password', 'New password', 'New password again'], 'old-secret', 'a-new-Secret-77');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Changing the password, then signing in again with it…')).toBeInTheDocument();
    release();
  });
});
