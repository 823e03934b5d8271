// Security headers on every answer of the HTTP edge (API, problems, the portal's files, /health,
// /api/docs): helmet with a strict Content-Security-Policy (no inline script, no eval; Stripe.js
// is the one third-party origin the portal loads), no framing, nosniff, no referrer. HSTS is sent
// only on a request that arrived over https: on plain http (localhost) it would be ignored at best.
import helmet from 'helmet';
import type { TrustedProxies } from '../auth/client-address.js';
import type { HttpRequest, HttpResponse } from '../http-types.js';
import { isHttps } from './request-scheme.js';

/** The portal contract's policy; Swagger UI (/api/docs) loads its scripts from files, so it fits too. */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'", 'https://js.stripe.com'],
  // Mantine (and Swagger UI) set inline styles; inline scripts stay forbidden
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https://*.stripe.com'],
  'connect-src': ["'self'", 'https://api.stripe.com'],
  'frame-src': ['https://js.stripe.com', 'https://hooks.stripe.com'],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
});

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

type Middleware = (request: HttpRequest, response: HttpResponse, next: (error?: unknown) => void) => void;

export function securityHeaders(trustedProxies: TrustedProxies): Middleware {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]])) },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
  return (request, response, next) => {
    if (isHttps(request, trustedProxies)) response.setHeader('Strict-Transport-Security', HSTS_VALUE);
    headers(request, response, next);
  };
}
