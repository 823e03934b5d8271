// The portal's HTTP edge over a real app (PostgreSQL): security headers on every kind of answer,
// the built portal served at `/` with SPA fallback and caching, a 503 when it is not built, and
// /api/docs still rendering under the strict CSP.
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serviceProxy } from '../proxy/service-proxy.js';
import { startGatewayTestApp, type GatewayTestApp } from '../testing/gateway-test-app.js';

const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/index-a1b2c3.js"></script></head><body><div id="root"></div></body></html>';
const ASSET_JS = 'console.log("portal");';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let folder: string;
let gw: GatewayTestApp;
let unbuilt: GatewayTestApp;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'portal-'));
  await mkdir(path.join(folder, 'assets'));
  await writeFile(path.join(folder, 'index.html'), INDEX_HTML);
  await writeFile(path.join(folder, 'assets', 'index-a1b2c3.js'), ASSET_JS);
  await writeFile(path.join(folder, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // 127.0.0.2 is a trusted proxy: its X-Forwarded-Proto is believed (HSTS), 127.0.0.1's is not
  gw = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('portal'), portalDir: folder, env: { TRUSTED_PROXIES: '127.0.0.2' } });
  unbuilt = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('portal_none'), portalDir: path.join(folder, 'not-built') });
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await unbuilt?.close();
  await rm(folder, { recursive: true, force: true });
}, 60_000);

const CSP = [
  "default-src 'self'",
  "script-src 'self' https://js.stripe.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https://*.stripe.com",
  "connect-src 'self' https://api.stripe.com",
  'frame-src https://js.stripe.com https://hooks.stripe.com',
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

function expectSecurityHeaders(headers: Headers): void {
  const csp = (headers.get('content-security-policy') ?? '').split(';').map((part) => part.trim()).filter((part) => part !== '');
  expect(csp).toEqual(CSP);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-powered-by')).toBeNull();
  expect(headers.get('strict-transport-security')).toBeNull(); // plain http
}

/** A GET from a chosen local address (the whole 127/8 reaches the app on 127.0.0.1). */
function getFrom(from: string, urlPath: string, headers: Record<string, string>): Promise<http.IncomingMessage> {
  const url = new URL(urlPath, gw.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, headers, localAddress: from, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('security headers', () => {
  it.each([
    ['/health', 200],
    ['/api/v1/auth/me', 401],
    ['/api/v1/nowhere', 404],
    ['/api/docs', 200],
    ['/api/docs-json', 200],
    ['/assets/index-a1b2c3.js', 200],
    ['/', 200],
  ])('GET %s answers %i with the CSP, nosniff, no referrer, no framing, no X-Powered-By', async (urlPath, status) => {
    const res = await gw.request('GET', urlPath, { headers: HTML });
    expect(res.status).toBe(status);
    expectSecurityHeaders(res.headers);
  });

  it('a problem answer (malformed JSON) carries them too', async () => {
    const res = await gw.request('POST', '/api/v1/auth/login', { rawBody: '{"username":', headers: HTML });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expectSecurityHeaders(res.headers);
  });

  it('HSTS only on https: a trusted proxy saying X-Forwarded-Proto https gets it, a client saying so does not', async () => {
    const viaProxy = await getFrom('127.0.0.2', '/health', { 'x-forwarded-proto': 'https' });
    expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const direct = await getFrom('127.0.0.1', '/health', { 'x-forwarded-proto': 'https' });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
    const proxiedHttp = await getFrom('127.0.0.2', '/health', { 'x-forwarded-proto': 'http' });
    expect(proxiedHttp.headers['strict-transport-security']).toBeUndefined();
  });

  it('GET /api/docs renders Swagger UI whose every script is allowed by the CSP (same-origin files, no inline script)', async () => {
    const page = await gw.request('GET', '/api/docs', { headers: HTML });
    expect(page.contentType).toContain('text/html');
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim()).toBe(''); // an inline script would be blocked by script-src 'self'
      const src = /src=["']([^"']+)["']/.exec(attributes!)?.[1];
      expect(src).toBeDefined();
      const url = new URL(src!, `${gw.baseUrl}/api/docs/`);
      expect(url.origin).toBe(gw.baseUrl); // 'self'
      const script = await gw.request('GET', url.pathname);
      expect(script.status).toBe(200);
      expect(script.contentType).toMatch(/javascript/);
    }
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self' https://js.stripe.com");
  });
});

describe('the portal at /', () => {
  it.each(['/', '/agent/customers', '/customer/calls/2026-01-01'])('GET %s (a browser navigation) answers index.html, revalidated', async (urlPath) => {
    const res = await gw.request('GET', `${urlPath}?status=active`, { headers: HTML });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('text/html');
    expect(res.text).toBe(INDEX_HTML);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('HEAD / answers the headers of index.html without a body', async () => {
    const res = await gw.request('HEAD', '/', { headers: HTML });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(INDEX_HTML)));
  });

  it('a hashed asset is served with its type and cached for a year', async () => {
    const res = await gw.request('GET', '/assets/index-a1b2c3.js');
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('text/javascript; charset=utf-8');
    expect(res.text).toBe(ASSET_JS);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const again = await gw.request('GET', '/assets/index-a1b2c3.js', { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('another file at the root is served as itself, revalidated', async () => {
    const res = await gw.request('GET', '/favicon.svg', { headers: HTML });
    expect(res.contentType).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('an unknown /assets/ file is a 404 problem, never index.html', async () => {
    const res = await gw.request('GET', '/assets/index-old.js', { headers: HTML });
    expect(res.status).toBe(404);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.code).toBe('not_found');
  });

  it('an unknown /api/ route keeps its problem+json 404, even asked for HTML', async () => {
    const res = await gw.request('GET', '/api/v1/nowhere', { headers: HTML });
    expect(res.status).toBe(404);
    expect(res.contentType).toContain('application/problem+json');
    const docsSub = await gw.request('GET', '/api/nowhere', { headers: HTML });
    expect(docsSub.status).toBe(404);
    expect(docsSub.contentType).toContain('application/problem+json');
  });

  it('a request that does not accept HTML gets the API 404, and a POST is never the portal', async () => {
    const json = await gw.request('GET', '/agent/customers', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(json.contentType).toContain('application/problem+json');
    const post = await gw.request('POST', '/agent/customers', { headers: HTML, body: {} });
    expect(post.status).toBe(404);
  });

  it('no path leaves the folder, and dotfiles are not served', async () => {
    await writeFile(path.join(folder, '.env'), 'SECRET=1');
    for (const urlPath of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/.env', '/assets/..%2f.env']) {
      const res = await gw.request('GET', urlPath, { headers: { accept: 'application/json' } });
      expect([400, 404]).toContain(res.status);
      expect(res.text).not.toContain('SECRET');
      expect(res.text).not.toContain('root:');
    }
  });

  it('/health still answers JSON', async () => {
    const res = await gw.request('GET', '/health', { headers: HTML });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('application/json');
  });
});

describe('the portal not built', () => {
  it('GET / answers 503 portal_not_built saying to run npm run build; the API works', async () => {
    const res = await unbuilt.request('GET', '/', { headers: HTML });
    expect(res.status).toBe(503);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.code).toBe('portal_not_built');
    expect(res.body.detail).toContain('npm run build');
    expectSecurityHeaders(res.headers);
    expect((await unbuilt.request('GET', '/health')).status).toBe(200);
  });
});

describe('the distributed gateway (the service proxy in front)', () => {
  let upstream: http.Server;
  let distributed: GatewayTestApp;

  beforeAll(async () => {
    // stands in for the accounts process: answers every forwarded request with JSON
    upstream = http.createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ forwarded: request.url }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    distributed = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema: uniqueName('portal_dist'),
      portalDir: folder,
      beforeRoutes: [serviceProxy({ upstreams: { accounts: base, wallet: base, rating: base, notifications: base } })],
    });
  }, 60_000);

  afterAll(async () => {
    await distributed?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  }, 60_000);

  it('serves the portal at / with the fallback, forwards /api/v1 paths, and every answer has the headers', async () => {
    const index = await distributed.request('GET', '/agent/customers', { headers: HTML });
    expect(index.text).toBe(INDEX_HTML);
    expectSecurityHeaders(index.headers);
    const asset = await distributed.request('GET', '/assets/index-a1b2c3.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const forwarded = await distributed.request('GET', '/api/v1/agents', { headers: HTML });
    expect(forwarded.body).toEqual({ forwarded: '/api/v1/agents' });
    expectSecurityHeaders(forwarded.headers);
    const unknown = await distributed.request('GET', '/api/v1/nowhere', { headers: HTML });
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
  });
});
