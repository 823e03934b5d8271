import { orThrow, type SessionStore } from '@billing/portal-session';

/** The customer's language (settings "Idioma (correos y este portal)"), from GET /customers/{id}. */
export async function customerLanguage(session: SessionStore): Promise<string | null> {
  const user = session.user;
  if (user === null) return null;
  const customer = await orThrow(session.api.GET('/api/v1/customers/{id}', { params: { path: { id: user.subjectId } } }));
  return customer.language;
}
