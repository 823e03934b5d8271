// A batch's one-time credentials as the CSV the API itself answers with ?format=csv (docs/API.md
// §6): built in the browser from the JSON answer held in memory, so the passwords are fetched
// once and never stored (no second request, no cache, no storage).
import type { BatchAnswer } from './customer-wire.js';

export const CREDENTIALS_HEADER = 'account_number,customer_id,sip_username,sip_password,sip_realm,portal_username,portal_password';

/** A CSV field, quoted when it holds a comma, quote or line break (never altered: these are passwords). */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function credentialsCsv(batch: BatchAnswer): string {
  const lines = [CREDENTIALS_HEADER];
  for (const customer of batch.customers) {
    lines.push([customer.accountNumber, customer.customerId, customer.sipUsername, customer.sipPassword, batch.sipRealm, customer.portalUsername, customer.portalPassword].map(csvField).join(','));
    // the profile's further SIP users: one line each, with empty portal fields (as the API's CSV)
    for (const user of customer.furtherSipUsers ?? []) {
      lines.push([customer.accountNumber, customer.customerId, user.sipUsername, user.sipPassword, batch.sipRealm, null, null].map(csvField).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
