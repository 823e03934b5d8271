// SMTP_URL → transport settings. `smtp://user:pass@host:587` (STARTTLS when the server offers it),
// `smtps://…:465` (TLS from the start). Query options: `requireTLS=true` (refuse to send in clear),
// `rejectUnauthorized=false` (self-signed certificates; not for production). User and password
// are percent-decoded and never shown (describeSmtp masks them).
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://). */
  secure: boolean;
  /** fail unless the server upgrades with STARTTLS. */
  requireTLS: boolean;
  rejectUnauthorized: boolean;
  auth: { user: string; pass: string } | undefined;
}

const QUERY_OPTIONS = new Set(['requireTLS', 'rejectUnauthorized']);

export function parseSmtpUrl(text: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://user:password@host:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  if (url.hostname === '') throw new Error('SMTP_URL has no host');
  for (const key of url.searchParams.keys()) {
    if (!QUERY_OPTIONS.has(key)) throw new Error(`SMTP_URL: unknown option "${key}" (known: ${[...QUERY_OPTIONS].join(', ')})`);
  }
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
    secure,
    requireTLS: flag(url, 'requireTLS', false),
    rejectUnauthorized: flag(url, 'rejectUnauthorized', true),
    auth: user === '' ? undefined : { user, pass: decodeURIComponent(url.password) },
  };
}

function flag(url: URL, name: string, fallback: boolean): boolean {
  const value = url.searchParams.get(name);
  if (value === null) return fallback;
  if (value !== 'true' && value !== 'false') throw new Error(`SMTP_URL: ${name} must be true or false`);
  return value === 'true';
}

/** For logs: where mail goes, without the password. */
export function describeSmtp(settings: SmtpSettings): string {
  const who = settings.auth === undefined ? '' : `${settings.auth.user}:***@`;
  const tls = settings.secure ? 'TLS' : settings.requireTLS ? 'STARTTLS required' : 'STARTTLS if offered';
  return `${settings.secure ? 'smtps' : 'smtp'}://${who}${settings.host}:${settings.port} (${tls})`;
}
