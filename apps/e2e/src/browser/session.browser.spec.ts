// The portal's security in a real browser: the headers on `/`, the access token kept in memory
// only (never in localStorage, sessionStorage or a URL), a reload restored through the httpOnly
// session cookie, and a logout that a reload does not undo.
import type { Browser } from 'playwright-core';
import { launchChromium } from './__fixtures__/chromium.js';
import { Portal } from './__fixtures__/portal.js';
import { productSettings } from './__fixtures__/product.js';

describe('the portal session in Chromium', () => {
  const { baseUrl, adminPassword } = productSettings();
  let browser: Browser;
  let portal: Portal;

  beforeAll(async () => {
    browser = await launchChromium();
    portal = await Portal.open(browser, baseUrl, 'admin');
  }, 60_000);

  afterAll(async () => {
    await portal?.close();
    await browser?.close();
  });

  it('serves / with the security headers', async () => {
    const response = await portal.page.goto(`${baseUrl}/`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toEqual(expect.stringContaining("default-src 'self'"));
    expect(headers['content-security-policy']).toContain("script-src 'self' https://js.stripe.com");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    // an anonymous visitor of / is sent to the login page, which passes the checks
    await portal.page.waitForURL(/\/login/);
    await portal.check('login');
    portal.expectNoProblems();
  }, 60_000);

  it('keeps no token in storage or the URL, restores the session on reload, and a logout sticks', async () => {
    const { page } = portal;
    const tokens: string[] = [];
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('response', async (response) => {
      if (response.url().endsWith('/api/v1/auth/login') || response.url().endsWith('/api/v1/auth/session')) {
        const body = (await response.json().catch(() => ({}))) as { accessToken?: string };
        if (body.accessToken) tokens.push(body.accessToken);
      }
    });
    // signed in by keyboard only: the username field has the focus, Tab to the password, Enter
    await portal.goto('/login');
    await page.getByRole('textbox', { name: 'Username' }).waitFor();
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(adminPassword);
    await page.keyboard.press('Enter');
    await portal.page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    const stored = (await page.evaluate(`JSON.stringify([
      Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)),
      Object.keys(sessionStorage).map((k) => k + '=' + sessionStorage.getItem(k)),
    ])`)) as string;
    expect(stored).not.toContain(token);
    expect(stored).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no JWT of any kind
    expect(page.url()).not.toContain(token);
    // the session cookie is httpOnly (out of the page's reach), the CSRF one is readable
    const cookies = await portal.context.cookies();
    expect(cookies.find((c) => c.name === 'itc_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(cookies.find((c) => c.name === 'itc_csrf')).toMatchObject({ httpOnly: false, sameSite: 'Strict' });
    expect((await page.evaluate('document.cookie')) as string).not.toContain('itc_session');

    // a reload: the page asks POST /auth/session and stays signed in on the same page (the
    // pages themselves are the seed story's to check)
    await page.getByRole('navigation').getByRole('link', { name: 'Agents' }).click();
    await page.waitForURL(/\/admin\/agents$/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/agents');
    expect(tokens).toHaveLength(2);
    expect(page.url()).not.toContain(tokens[1]!);

    // logout, then a reload lands on the login page: the session was revoked, not only forgotten
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await portal.goto('/admin/agents');
    await page.waitForURL(/\/login\?redirect=/);
    // no request of the whole visit carried a token in its URL (the live feed uses a one-time ticket)
    expect(requested.filter((url) => tokens.some((t) => url.includes(t)) || /access_token=|eyJ[A-Za-z0-9_-]{10,}/.test(url))).toEqual([]);
    const revoked = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);
    portal.expectNoProblems();
  }, 90_000);
});
