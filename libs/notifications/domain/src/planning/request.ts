// A target plus what is known about its recipient → the RequestNotification command: the
// language, the formatted variables and, when it is not to be sent, why.
import type { RequestNotification } from '../notification/notification.commands.js';
import type { NotificationSource } from '../notification/notification.events.js';
import type { Recipient, RecipientView } from '../recipients/recipient.js';
import { isDeliverableAddress } from '../shared/email-address.js';
import { holderKey, type Holder } from '../shared/holder.js';
import type { SkipReason } from '../shared/kinds.js';
import { chooseLanguage } from '../shared/language.js';
import type { NotificationTarget } from './targets.js';
import { templateVariables } from './variables.js';

export interface RequestSettings {
  /** false when no SMTP_URL is configured: requests are recorded as skipped. */
  mailEnabled: boolean;
  portalUrl: string;
  currency: string;
  /** an event older than this is recorded as skipped ('stale'): a weeks-old alert is noise. */
  maxEventAgeMs: number;
  /** languages templates exist for; the first match of the holder's language, else English. */
  languages: readonly string[];
}

export interface RequestInput {
  target: NotificationTarget;
  source: NotificationSource;
  holder: RecipientView | undefined;
  related: Recipient | undefined;
  notificationId: string;
  now: string;
}

/** Not yet known: the accounts events naming this holder have not been projected yet. */
export type RequestPlan = { ok: true; command: RequestNotification } | { ok: false; unknown: Holder };

export function dedupeKeyOf(sourceEventId: string, target: NotificationTarget): string {
  return `${sourceEventId}/${target.kind}/${holderKey(target.holder)}`;
}

export function requestFor(input: RequestInput, settings: RequestSettings): RequestPlan {
  const { target, source, holder, related, now } = input;
  if (holder === undefined) return { ok: false, unknown: target.holder };
  if (target.related !== null && related === undefined) return { ok: false, unknown: target.related };
  const language = chooseLanguage(holder.language, settings.languages);
  return {
    ok: true,
    command: {
      type: 'RequestNotification',
      notificationId: input.notificationId,
      dedupeKey: dedupeKeyOf(source.eventId, target),
      kind: target.kind,
      holder: target.holder,
      email: holder.email,
      language,
      variables: templateVariables({ target, holder, related, language, occurredAt: source.occurredAt, portalUrl: settings.portalUrl, currency: settings.currency }),
      source,
      skip: skipReason(input, settings),
      now,
    },
  };
}

function skipReason({ target, holder, source, now }: RequestInput, settings: RequestSettings): SkipReason | null {
  if (holder?.email == null) return 'no-email';
  if (!isDeliverableAddress(holder.email)) return 'invalid-email';
  if (target.honoursOptOut && !holder.lowBalanceEmailEnabled) return 'opted-out';
  if (Date.parse(now) - Date.parse(source.occurredAt) > settings.maxEventAgeMs) return 'stale';
  if (!settings.mailEnabled) return 'mail-disabled';
  return null;
}
