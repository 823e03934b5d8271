// The SMTP side (nodemailer): one connection per message (no pool to go stale between bursts),
// every network step bounded by sendTimeoutMs, no file or URL access from message content, and
// an explicit envelope so nothing in the headers can add a recipient.
import nodemailer, { type Transporter } from 'nodemailer';
import type { OutgoingMail } from './compose.js';
import type { SmtpSettings } from './smtp-settings.js';

export interface SentMail {
  messageId: string;
  /** the server's final reply, e.g. "250 Queued". */
  response: string;
}

export class SmtpMailer {
  private readonly transporter: Transporter;

  constructor(settings: SmtpSettings, sendTimeoutMs: number) {
    this.transporter = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTLS,
      tls: { rejectUnauthorized: settings.rejectUnauthorized },
      ...(settings.auth === undefined ? {} : { auth: settings.auth }),
      connectionTimeout: sendTimeoutMs,
      greetingTimeout: sendTimeoutMs,
      socketTimeout: sendTimeoutMs,
      dnsTimeout: sendTimeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
    });
  }

  /** Resolves when the server accepted the message; rejects with nodemailer's error (code, responseCode). */
  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail({
      from: mail.from,
      to: mail.to,
      envelope: { from: mail.envelopeFrom, to: [mail.to.address] },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { ...mail.headers, 'Content-Language': mail.language },
      attachments: mail.attachments,
    });
    return { messageId: info.messageId ?? mail.messageId, response: String(info.response ?? '') };
  }

  close(): void {
    this.transporter.close();
  }
}
