// Temporary or permanent? RFC 5321: a 4yz reply is transient, a 5yz reply permanent, except 503
// (bad sequence: the session was in the wrong state, a new connection may succeed). Without a
// reply, a failure to connect or talk to the server is temporary; our own configuration problems
// (authentication, TLS) are too, so fixing them lets pending mail through — bounded by the retry
// policy anyway. A message that cannot even be built is permanent: it would fail the same way.
export interface SendFailure {
  temporary: boolean;
  /** short, for the record and the admin listing: never a credential, never the message body. */
  reason: string;
}

/** What a transport error looks like structurally (nodemailer sets `code` and `responseCode`). */
export interface TransportErrorLike {
  code?: unknown;
  responseCode?: unknown;
  /** the server's reply line, e.g. "421 Service not available" (nodemailer sets it). */
  response?: unknown;
  message?: unknown;
}

const TEMPORARY_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EOAUTH2',
  'EPROXY',
  'EPROTOCOL',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

export const MAX_REASON_LENGTH = 500;

export function classifySendFailure(error: TransportErrorLike): SendFailure {
  const responseCode = typeof error.responseCode === 'number' ? error.responseCode : undefined;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const message = typeof error.message === 'string' ? error.message : 'unknown error';
  // The server's own words when it replied (they start with the code), else what failed locally.
  const said = typeof error.response === 'string' && responseCode !== undefined ? error.response : `${responseCode ?? code ?? 'error'}: ${message}`;
  const reason = truncate(said.replace(/\s+/g, ' ').trim());
  // Refused credentials are our configuration, whatever the reply code: fixing it lets mail through.
  if (code === 'EAUTH' || code === 'ENOAUTH') return { temporary: true, reason };
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 600) {
    return { temporary: responseCode < 500 || responseCode === 503, reason };
  }
  return { temporary: code !== undefined && TEMPORARY_CODES.has(code), reason };
}

export function truncate(text: string, max = MAX_REASON_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
