// A pending notification → the message to hand to SMTP. The Message-ID is derived from the
// notification id, so every attempt of one notification (including a re-send after a crash
// between the server's "250 OK" and our record of it) carries the same Message-ID: receiving
// systems and people can recognise a duplicate, and the admin listing names it.
import { domainOf, type NotificationRequested } from '@billing/notifications-domain';
import type { TemplateRenderer } from '../templates/renderer.js';

export interface OutgoingMail {
  from: string;
  /** envelope sender: the bare address of `from`. */
  envelopeFrom: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  messageId: string;
  language: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: string; contentType: string }[];
}

const FALLBACK_DOMAIN = 'billing.invalid';

export function messageIdFor(notificationId: string, from: string): string {
  return `<${notificationId}@${domainOf(from) ?? FALLBACK_DOMAIN}>`;
}

export function envelopeAddressOf(from: string): string {
  return (/<([^<>]+)>\s*$/.exec(from)?.[1] ?? from).trim();
}

export function composeMail(requested: NotificationRequested, renderer: TemplateRenderer, from: string): OutgoingMail {
  if (requested.email === null) throw new Error(`notification ${requested.notificationId} has no recipient address`);
  const rendered = renderer.render(requested.kind, requested.language, requested.variables);
  return {
    from,
    envelopeFrom: envelopeAddressOf(from),
    to: { name: requested.variables.name ?? '', address: requested.email },
    ...rendered,
    messageId: messageIdFor(requested.notificationId, from),
    language: requested.language,
    headers: {
      'X-Billing-Notification': requested.notificationId,
      'X-Billing-Event': requested.source.eventId,
      'X-Billing-Kind': requested.kind,
      // RFC 3834: an automatic message; well-behaved auto-responders stay quiet.
      'Auto-Submitted': 'auto-generated',
    },
    attachments: attachmentsOf(requested),
  };
}

function attachmentsOf(requested: NotificationRequested): OutgoingMail['attachments'] {
  const csv = requested.variables.accountsCsv;
  if (requested.kind !== 'batch-opened' || csv === undefined) return [];
  const batch = (requested.variables.batchId ?? 'batch').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return [{ filename: `batch-${batch}-accounts.csv`, content: csv, contentType: 'text/csv; charset=utf-8' }];
}
