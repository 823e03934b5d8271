// The credentials of newly opened customers as CSV, for the agent to hand out (RFC 4180: CRLF
// lines, fields quoted when needed). Cells that a spreadsheet would run as a formula are prefixed
// with a quote (CSV injection); generated values never start that way, chosen usernames might.
import type { BatchCustomerCredentials } from '../application/batches.service.js';

export const CREDENTIALS_CSV_HEADER = ['account_number', 'customer_id', 'sip_username', 'sip_password', 'sip_realm', 'portal_username', 'portal_password'];

export function credentialsCsv(customers: readonly BatchCustomerCredentials[], sipRealm: string): string {
  // an account's further SIP users follow it, one line each, without the portal login (it has one)
  const lines = [
    CREDENTIALS_CSV_HEADER,
    ...customers.flatMap((c) => [
      [c.accountNumber, c.customerId, c.sipUsername, c.sipPassword ?? '', sipRealm, c.portalUsername, c.portalPassword ?? ''],
      ...(c.furtherSipUsers ?? []).map((user) => [c.accountNumber, c.customerId, user.sipUsername, user.sipPassword ?? '', sipRealm, '', '']),
    ]),
  ];
  return lines.map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
