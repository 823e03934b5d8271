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
  message?: unknown;
}

const TEMPORARY_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'ENOAUTH',
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
  const reason = truncate(`${responseCode ?? code ?? 'error'}: ${message}`.replace(/\s+/g, ' ').trim());
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 600) {
    return { temporary: responseCode < 500 || responseCode === 503, reason };
  }
  return { temporary: code !== undefined && TEMPORARY_CODES.has(code), reason };
}

export function truncate(text: string, max = MAX_REASON_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
