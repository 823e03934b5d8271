import { loadNotificationsEnv, notificationsOptionsFrom } from '../notifications.env.js';
import { resolveNotificationsOptions, type NotificationsModuleOptions } from '../notifications.options.js';
import { TemplateRenderer } from '../templates/renderer.js';
import { composeMail, envelopeAddressOf, messageIdFor } from './compose.js';
import { describeSmtp, parseSmtpUrl } from './smtp-settings.js';

describe('SMTP_URL', () => {
  it('reads host, port, TLS and percent-encoded credentials', () => {
    expect(parseSmtpUrl('smtp://mailer%40itc:p%40ss%3Aw0rd@smtp.itc.example:587')).toEqual({
      host: 'smtp.itc.example',
      port: 587,
      secure: false,
      requireTLS: false,
      rejectUnauthorized: true,
      auth: { user: 'mailer@itc', pass: 'p@ss:w0rd' },
    });
    expect(parseSmtpUrl('smtps://smtp.itc.example')).toMatchObject({ port: 465, secure: true, auth: undefined });
    expect(parseSmtpUrl('smtp://h.example?requireTLS=true&rejectUnauthorized=false')).toMatchObject({ port: 587, requireTLS: true, rejectUnauthorized: false });
  });

  it.each([
    ['http://h.example', 'SMTP_URL must start with smtp:// or smtps://'],
    ['not a url', 'SMTP_URL must be a URL'],
    ['smtp://h.example?pool=true', 'SMTP_URL: unknown option "pool"'],
    ['smtp://h.example?requireTLS=yes', 'SMTP_URL: requireTLS must be true or false'],
  ])('refuses %p', (url, message) => expect(() => parseSmtpUrl(url)).toThrow(message));

  it('never shows the password', () => {
    const text = describeSmtp(parseSmtpUrl('smtp://user:secret@h.example:25'));
    expect(text).toBe('smtp://user:***@h.example:25 (STARTTLS if offered)');
  });
});

describe('environment', () => {
  it('defaults: no batch mail, 5/s burst 10, 8 attempts', () => {
    expect(loadNotificationsEnv({})).toEqual({
      batchMail: false,
      delivery: { rate: { ratePerSecond: 5, burst: 10 }, retry: { maxAttempts: 8, initialDelayMs: 60_000, maxDelayMs: 3_600_000, multiplier: 2 } },
    });
  });

  it('reads the variables, all problems at once', () => {
    expect(loadNotificationsEnv({ MAIL_BATCH_CREDENTIALS: 'true', MAIL_RATE_PER_SECOND: '2', MAIL_RATE_BURST: '4', MAIL_MAX_ATTEMPTS: '3' })).toMatchObject({
      batchMail: true,
      delivery: { rate: { ratePerSecond: 2, burst: 4 }, retry: { maxAttempts: 3 } },
    });
    expect(() => loadNotificationsEnv({ MAIL_BATCH_CREDENTIALS: 'yes', MAIL_RATE_PER_SECOND: '0', MAIL_MAX_ATTEMPTS: '1000' })).toThrow(
      /MAIL_BATCH_CREDENTIALS must be true or false\n.*MAIL_RATE_PER_SECOND must be 1\.\.10000\n.*MAIL_MAX_ATTEMPTS must be 1\.\.100/,
    );
  });

  it('maps the gateway configuration', () => {
    const context = { config: { smtpUrl: 'smtp://h.example', mailFrom: 'b@itc.example', portalUrl: 'https://p.example', billingCurrency: 'EUR' }, pool: {} as never, bus: {} as never };
    expect(notificationsOptionsFrom(context, { MAIL_BATCH_CREDENTIALS: 'true' })).toMatchObject({
      mail: { smtpUrl: 'smtp://h.example', from: 'b@itc.example', portalUrl: 'https://p.example', currency: 'EUR', batchMail: true },
    });
  });
});

describe('module options', () => {
  const base: NotificationsModuleOptions = {
    pool: {} as NotificationsModuleOptions['pool'],
    bus: {} as NotificationsModuleOptions['bus'],
    mail: { smtpUrl: undefined, from: undefined, portalUrl: 'https://portal.example/', currency: 'USD', batchMail: false },
  };

  it('needs MAIL_FROM with SMTP_URL', () => {
    expect(() => resolveNotificationsOptions({ ...base, mail: { ...base.mail, smtpUrl: 'smtp://h.example' } })).toThrow('MAIL_FROM must be set when SMTP_URL is set');
  });

  it('refuses a lease shorter than four send timeouts (a slow send must not be sent twice)', () => {
    expect(() => resolveNotificationsOptions({ ...base, delivery: { sendTimeoutMs: 10_000, leaseMs: 30_000 } })).toThrow('leaseMs must be an integer 40000..3600000');
  });

  it('resolves defaults', () => {
    expect(resolveNotificationsOptions(base)).toMatchObject({ schema: 'notifications', service: 'notifications', sources: { accounts: 'accounts', wallet: 'wallet' }, mail: { portalUrl: 'https://portal.example', smtp: undefined } });
  });
});

describe('composing a message', () => {
  const requested = {
    type: 'NotificationRequested' as const,
    notificationId: '6f1c2e0a-9a43-5c1e-8f00-0a1b2c3d4e5f',
    dedupeKey: 'e/batch-opened/agent:a-1',
    kind: 'batch-opened' as const,
    holder: { kind: 'agent' as const, id: 'a-1' },
    email: 'ops@acme.example',
    language: 'en',
    variables: {
      name: 'Acme',
      email: 'ops@acme.example',
      accountNumber: '',
      agentName: '',
      isAgent: 'yes',
      relatedAccountNumber: '',
      portalUrl: 'https://portal.example',
      currency: 'USD',
      date: '2026-03-01 12:00 UTC',
      batchId: 'b/../1',
      count: '10',
      accountsCsv: 'account_number,customer_id\r\n',
    },
    source: { eventId: 'e', type: 'accounts.BatchOpened', occurredAt: '2026-03-01T12:00:00.000Z' },
    requestedAt: '2026-03-01T12:00:00.000Z',
  };

  it('derives the Message-ID from the notification and the sender domain', () => {
    expect(messageIdFor(requested.notificationId, 'ITC <billing@ITC.example>')).toBe('<6f1c2e0a-9a43-5c1e-8f00-0a1b2c3d4e5f@itc.example>');
    expect(envelopeAddressOf('ITC <billing@itc.example>')).toBe('billing@itc.example');
  });

  it('attaches the batch CSV under a safe file name', () => {
    const mail = composeMail(requested, new TemplateRenderer(), 'ITC <billing@itc.example>');
    expect(mail.to).toEqual({ name: 'Acme', address: 'ops@acme.example' });
    expect(mail.attachments).toEqual([{ filename: 'batch-b____1-accounts.csv', content: 'account_number,customer_id\r\n', contentType: 'text/csv; charset=utf-8' }]);
    expect(mail.headers).toMatchObject({ 'X-Billing-Notification': requested.notificationId, 'X-Billing-Event': 'e', 'Auto-Submitted': 'auto-generated' });
  });
});
