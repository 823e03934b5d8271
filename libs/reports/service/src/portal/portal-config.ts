// Pure: what the portal needs to know about the deployment before anyone logs in (the login page
// and the card top-up page). Only public facts: the currency, Stripe's publishable key, the
// languages the portal speaks and the SIP realm customers register to. Never a secret.
import type { GatewayConfig } from '@billing/gateway';
import { z } from 'zod';

/** The portal's languages (the e-mails speak the same two). */
export const PORTAL_LANGUAGES = ['en', 'es'] as const;

export const PortalConfigView = z.strictObject({
  /** the deployment's one currency (ISO 4217): every amount on the wire is in it. */
  currency: z.string(),
  /** Stripe.js's publishable key; null = card top-up is not offered (STRIPE_PUBLISHABLE_KEY unset). */
  stripePublishableKey: z.string().nullable(),
  languages: z.array(z.enum(PORTAL_LANGUAGES)),
  /** the SIP domain customers' phones register to (SIP_REALM). */
  sipRealm: z.string(),
});
export type PortalConfigView = z.infer<typeof PortalConfigView>;

export function portalConfigOf(config: Pick<GatewayConfig, 'billingCurrency' | 'stripePublishableKey' | 'sipRealm'>): PortalConfigView {
  return {
    currency: config.billingCurrency,
    stripePublishableKey: config.stripePublishableKey ?? null,
    languages: [...PORTAL_LANGUAGES],
    sipRealm: config.sipRealm,
  };
}
