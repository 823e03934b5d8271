// One language's e-mails: per kind a subject and a text body (rendered without escaping: plain
// text) and an HTML body fragment (rendered with HTML escaping, wrapped in layout.ts).
import type { NotificationKind } from '@billing/notifications-domain';

export interface MailTemplate {
  subject: string;
  text: string;
  html: string;
}

export interface TemplateSet {
  /** `lang` of the HTML document. */
  language: string;
  /** the line under every HTML e-mail. */
  footer: string;
  templates: Record<NotificationKind, MailTemplate>;
}
