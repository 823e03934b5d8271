// Native JSON CDRs (docs/API.md): `{callId, account | sipUsername | sourceIp, callerId, destination, startedAt,
// answeredAt (null if unanswered), endedAt, billsec, disposition}`, one object or `{cdrs: [...]}`.
import { failed, ok, type FieldError, type Parsed } from '../shared/field-error.js';
import { isIsoInstant } from '../shared/instant.js';
import { MAX_CDR_BATCH } from '../shared/limits.js';
import { describe } from '../shared/read-field.js';
import { checkCdr, readBillsec, readDisposition, type CanonicalCdr, type CdrFieldNames } from './canonical-cdr.js';

/** The CDRs of a body: one object, or `{cdrs: [...]}` with 1..MAX_CDR_BATCH items. */
export function nativeCdrItems(body: unknown): Parsed<readonly unknown[]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return failed([{ field: 'body', message: `must be a CDR object or {cdrs: [...]}, got ${describe(body)}` }]);
  const { cdrs } = body as { cdrs?: unknown };
  if (cdrs === undefined) return ok([body]);
  if (!Array.isArray(cdrs) || cdrs.length < 1 || cdrs.length > MAX_CDR_BATCH) return failed([{ field: 'cdrs', message: `must be an array of 1 to ${MAX_CDR_BATCH} CDRs` }]);
  return ok(cdrs);
}

/** One native CDR; `at` prefixes field names in a batch (`cdrs[3]`). */
export function parseNativeCdr(value: unknown, at = ''): Parsed<CanonicalCdr> {
  const names = fieldNames(at);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return failed([{ field: at === '' ? 'body' : at, message: `must be a CDR object, got ${describe(value)}` }]);
  const cdr = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  const text = (key: string, field: string): string | null => {
    const raw = cdr[key];
    if (raw === undefined || raw === null) return null;
    if (typeof raw === 'string') return raw;
    errors.push({ field, message: `must be a string, got ${describe(raw)}` });
    return null;
  };
  const instant = (key: string, field: string, nullable: boolean): number | null | undefined => {
    const raw = cdr[key];
    if (nullable && (raw === null || raw === undefined)) return null;
    if (isIsoInstant(raw)) return Date.parse(raw);
    errors.push({ field, message: `must be an ISO 8601 instant with an offset${nullable ? ' or null' : ''}, got ${describe(raw)}` });
    return undefined;
  };
  return checkCdr(
    {
      callId: cdr['callId'],
      account: text('account', names.account),
      sipUsername: text('sipUsername', `${prefix(at)}sipUsername`),
      sourceIp: text('sourceIp', names.sourceIp),
      callerId: cdr['callerId'] ?? '',
      destination: cdr['destination'],
      startedAtMs: instant('startedAt', names.startedAt, false) ?? undefined,
      answeredAtMs: instant('answeredAt', names.answeredAt, true),
      endedAtMs: instant('endedAt', names.endedAt, false) ?? undefined,
      billsecSeconds: readBillsec(cdr['billsec'], names.billsec, errors),
      disposition: readDisposition(cdr['disposition'], names.disposition, errors),
    },
    names,
    errors,
  );
}

function prefix(at: string): string {
  return at === '' ? '' : `${at}.`;
}

function fieldNames(at: string): CdrFieldNames {
  const p = prefix(at);
  return {
    callId: `${p}callId`,
    account: `${p}account`,
    sourceIp: `${p}sourceIp`,
    callerId: `${p}callerId`,
    destination: `${p}destination`,
    startedAt: `${p}startedAt`,
    answeredAt: `${p}answeredAt`,
    endedAt: `${p}endedAt`,
    billsec: `${p}billsec`,
    disposition: `${p}disposition`,
  };
}
