import { SessionStore } from '@billing/portal-session';
import { describe, expect, it } from 'vitest';
import { customerArea } from '../index.js';

describe('the customer area tells the shell the account language', () => {
  it("reads the logged-in customer's language from GET /customers/{id}", async () => {
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://portal.test'), init);
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/login') return Response.json({ accessToken: 't', tokenType: 'Bearer', expiresInSeconds: 900, role: 'customer', subjectId: 'c-1' });
      if (path === '/api/v1/auth/me') return Response.json({ role: 'customer', subjectId: 'c-1', username: '1000000008' });
      if (path === '/api/v1/customers/c-1') return Response.json({ id: 'c-1', language: 'es' });
      return new Response(null, { status: 404 });
    };
    const store = new SessionStore({ baseUrl: 'http://portal.test', fetch: fetch as typeof globalThis.fetch, readCookies: () => '' });
    await store.login('1000000008', 'pw');
    expect(await customerArea.accountLanguage?.(store)).toBe('es');
  });
});
