// A real SMTP server inside the test process (`smtp-server`, docs/ARCHITECTURE.md, Tests) that keeps what it
// receives for assertions, and can answer the first N messages with a temporary failure (421)
// or every message with a permanent one (550) to exercise retries and give-ups.
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface TestSmtpServerOptions {
  /** The first `failFirst` messages are refused with `failCode` (a transient error). Default 0. */
  failFirst?: number;
  /** Reply code for those refusals. Default 421. */
  failCode?: number;
  /** Every further message is refused with this code (e.g. 550, permanent). Default: accepted. */
  rejectWith?: number;
}

export interface ReceivedMail {
  /** Envelope sender (MAIL FROM). */
  from: string | undefined;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** AUTH user name if the client logged in. */
  authUser: string | undefined;
  /** Header fields by lower-case name; RFC 2047 words decoded; repeated fields joined with "\n". */
  headers: Record<string, string>;
  /** The decoded Subject header. */
  subject: string | undefined;
  /** First text/plain part (transfer encoding and charset decoded). */
  text: string | undefined;
  /** First text/html part. */
  html: string | undefined;
  attachments: { filename: string | undefined; contentType: string; content: Buffer }[];
  /** The message exactly as received (CRLF line ends). */
  raw: string;
}

export interface SmtpAttempt {
  /** 1-based number of the DATA transaction on this server. */
  n: number;
  /** 250 when accepted, else the refusal code. */
  code: number;
  from: string | undefined;
  to: string[];
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** `smtp://127.0.0.1:<port>` — usable as SMTP_URL (no TLS; any user/password is accepted). */
  url: string;
  /** Accepted messages, in order. */
  messages: ReceivedMail[];
  /** Every message transaction, accepted or refused. */
  attempts: SmtpAttempt[];
  /** Resolves once `count` messages have been accepted (rejects after timeoutMs, default 10 s). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Forgets messages and attempts (the failFirst counter restarts too). */
  reset(): void;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

const REPLY_TEXT: Record<number, string> = {
  421: 'Service not available, try again later',
  450: 'Mailbox unavailable, try again later',
  451: 'Local error in processing, try again later',
  452: 'Insufficient storage, try again later',
  550: 'Mailbox unavailable',
  552: 'Message size exceeds storage allocation',
  554: 'Transaction failed',
};

export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const failFirst = options.failFirst ?? 0;
  const failCode = options.failCode ?? 421;
  const messages: ReceivedMail[] = [];
  const attempts: SmtpAttempt[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];

  const envelope = (session: SMTPServerSession) => ({
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
    to: session.envelope.rcptTo.map((r) => r.address),
  });

  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        const n = attempts.length + 1;
        const code = n <= failFirst ? failCode : (options.rejectWith ?? 250);
        attempts.push({ n, code, ...envelope(session) });
        if (code !== 250) {
          const error = Object.assign(new Error(REPLY_TEXT[code] ?? 'Refused by the test SMTP server'), { responseCode: code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({ ...envelope(session), authUser: typeof session.user === 'string' ? session.user : undefined, raw, ...parseMessage(raw) });
        const ready = waiters.filter((w) => messages.length >= w.count);
        waiters = waiters.filter((w) => messages.length < w.count);
        ready.forEach((w) => w.resolve());
        callback(null, 'Queued');
      });
    },
  });
  server.on('error', () => undefined); // a client dropping its connection must not crash the run

  await new Promise<void>((resolve, reject) => {
    const netServer = server.listen(0, HOST, () => resolve());
    netServer.once('error', reject);
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('test SMTP server: no TCP address');
  const port = address.port;

  return {
    host: HOST,
    port,
    url: `smtp://${HOST}:${port}`,
    messages,
    attempts,
    waitForMessages(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`test SMTP server: ${messages.length} of ${count} messages after ${timeoutMs} ms (${attempts.length} attempts)`));
        }, timeoutMs);
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(messages.slice());
          },
        };
        waiters.push(waiter);
      });
    },
    reset() {
      messages.length = 0;
      attempts.length = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- a small MIME reader: enough for what nodemailer sends (text, html, attachments) -----------

interface Part {
  headers: Record<string, string>;
  body: string;
}

function parseMessage(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'authUser' | 'raw'> {
  const root = splitPart(raw);
  const found: { text?: string; html?: string; attachments: ReceivedMail['attachments'] } = { attachments: [] };
  walk(root, found);
  return {
    headers: root.headers,
    subject: root.headers.subject,
    text: found.text,
    html: found.html,
    attachments: found.attachments,
  };
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: Record<string, string> = {};
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeWords(line.slice(colon + 1).trim());
    headers[name] = headers[name] === undefined ? value : `${headers[name]}\n${value}`;
  }
  return { headers, body };
}

function parameter(headerValue: string | undefined, name: string): string | undefined {
  if (!headerValue) return undefined;
  const match = new RegExp(`;\\s*${name}\\*?=\\s*("([^"]*)"|[^;\\s]+)`, 'i').exec(headerValue);
  return match ? (match[2] ?? match[1]) : undefined;
}

function walk(part: Part, found: { text?: string; html?: string; attachments: ReceivedMail['attachments'] }): void {
  const contentType = part.headers['content-type'] ?? 'text/plain';
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType.startsWith('multipart/')) {
    const boundary = parameter(contentType, 'boundary');
    if (!boundary) return;
    const sections = part.body.split(new RegExp(`\\r?\\n?--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?\\n?`));
    // sections[0] is the preamble, the last one the epilogue.
    for (const section of sections.slice(1, -1)) walk(splitPart(section), found);
    return;
  }
  const content = decodeBody(part.body, part.headers['content-transfer-encoding']);
  const disposition = part.headers['content-disposition'] ?? '';
  const filename = parameter(disposition, 'filename') ?? parameter(contentType, 'name');
  const isAttachment = /^attachment/i.test(disposition) || filename !== undefined;
  if (!isAttachment && mediaType === 'text/plain' && found.text === undefined) {
    found.text = decodeText(content, parameter(contentType, 'charset'));
  } else if (!isAttachment && mediaType === 'text/html' && found.html === undefined) {
    found.html = decodeText(content, parameter(contentType, 'charset'));
  } else {
    found.attachments.push({ filename, contentType: mediaType, content });
  }
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/\r?\n$/, ''));
    default:
      return Buffer.from(body.replace(/\r?\n$/, ''), 'utf8');
  }
}

function decodeQuotedPrintable(text: string): Buffer {
  const softBreaksRemoved = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < softBreaksRemoved.length; i += 1) {
    const ch = softBreaksRemoved[i] as string;
    const hex = softBreaksRemoved.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(content: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(content);
  } catch {
    return content.toString('utf8');
  }
}

/** Text parts travel with CRLF line ends; tests compare with what the code wrote (LF). */
function decodeText(content: Buffer, charset: string | undefined): string {
  return decodeCharset(content, charset).replace(/\r\n/g, '\n');
}

/** RFC 2047 encoded words (`=?UTF-8?B?...?=`, `=?UTF-8?Q?...?=`), adjacent ones joined. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return decodeCharset(bytes, charset);
    });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
