// The one CDR shape the rating context works with, whatever the switch sent (native JSON,
// FreeSWITCH mod_json_cdr, Asterisk Master.csv). Times are canonical ISO instants (UTC,
// milliseconds) so the same call spelled three ways is the same value, field for field.
import { BILLSEC_TOLERANCE_SECONDS, MAX_BILLSEC_SECONDS, MAX_CALLER_ID_CHARS, MAX_DESTINATION_CHARS, MAX_ID_CHARS } from '../shared/limits.js';
import { failed, ok, type FieldError, type Parsed } from '../shared/field-error.js';
import { isValidId } from '../shared/ids.js';
import { canonicalInstant } from '../shared/instant.js';
import { describe } from '../shared/read-field.js';
import { isSourceIp } from '../call/source-address.js';

export const CALL_DISPOSITIONS = ['answered', 'no_answer', 'busy', 'failed', 'congestion'] as const;
export type CallDisposition = (typeof CALL_DISPOSITIONS)[number];

export interface CanonicalCdr {
  readonly callId: string;
  /** the customer's account (number or code), when the switch sent one. */
  readonly account: string | null;
  /** the SIP username that placed the call, when the switch sent one; at least one of account, sipUsername, sourceIp is set. */
  readonly sipUsername: string | null;
  /** the address the call came from (an IPBX trunk by source IP), when the switch sent one; absent in CDRs recorded before trunks. */
  readonly sourceIp?: string | null;
  /** the tech prefix rating stripped from the dialled number to get `destination` (a trunk shared by several accounts); null/absent = none. */
  readonly techPrefix?: string | null;
  /** as presented; may be empty (anonymous). */
  readonly callerId: string;
  /** as dialled (trimmed); normalised to digits when rated. */
  readonly destination: string;
  readonly startedAt: string;
  /** null when the call was not answered. */
  readonly answeredAt: string | null;
  readonly endedAt: string;
  readonly billsecSeconds: number;
  readonly disposition: CallDisposition;
}

/** What a format-specific parser extracted, before the common rules; times in epoch ms. */
export interface CdrFields {
  readonly callId: unknown;
  readonly account: string | null;
  readonly sipUsername: string | null;
  readonly sourceIp: string | null;
  readonly callerId: unknown;
  readonly destination: unknown;
  readonly startedAtMs: number | undefined;
  readonly answeredAtMs: number | null | undefined;
  readonly endedAtMs: number | undefined;
  readonly billsecSeconds: number | undefined;
  readonly disposition: CallDisposition | undefined;
}

/** The source's name for each field, for errors (`variables.billsec`, `cdrs[2].billsec`, `billsec`). */
export type CdrFieldNames = Record<'callId' | 'account' | 'sourceIp' | 'callerId' | 'destination' | 'startedAt' | 'answeredAt' | 'endedAt' | 'billsec' | 'disposition', string>;

/**
 * The rules every CDR obeys, whatever its format: an id, an owner, a destination, ordered times,
 * answered ⇔ an answer time, billsec only for answered calls and never more than answer → end.
 * `errors` already holds the format parser's own problems (unreadable fields are `undefined`).
 */
export function checkCdr(fields: CdrFields, names: CdrFieldNames, errors: FieldError[]): Parsed<CanonicalCdr> {
  const { callId, callerId, destination, startedAtMs, answeredAtMs, endedAtMs, billsecSeconds, disposition } = fields;
  if (!isValidId(callId)) errors.push({ field: names.callId, message: `must be 1 to ${MAX_ID_CHARS} characters without surrounding spaces, got ${describe(callId)}` });
  const account = fields.account === '' ? null : fields.account;
  const sipUsername = fields.sipUsername === '' ? null : fields.sipUsername;
  const sourceIp = fields.sourceIp === '' ? null : fields.sourceIp;
  if (account === null && sipUsername === null && sourceIp === null) errors.push({ field: names.account, message: 'an account, a SIP username or a source address is required' });
  if (sourceIp !== null && !isSourceIp(sourceIp)) errors.push({ field: names.sourceIp, message: `must be one IPv4 or IPv6 address, got ${describe(sourceIp)}` });
  for (const [field, value] of [[names.account, account], ['sipUsername', sipUsername]] as const) {
    if (value !== null && !isValidId(value)) errors.push({ field, message: `must be 1 to ${MAX_ID_CHARS} characters without surrounding spaces` });
  }
  if (typeof callerId !== 'string' || callerId.length > MAX_CALLER_ID_CHARS) errors.push({ field: names.callerId, message: `must be text of at most ${MAX_CALLER_ID_CHARS} characters, got ${describe(callerId)}` });
  const dialled = typeof destination === 'string' ? destination.trim() : '';
  if (dialled === '' || dialled.length > MAX_DESTINATION_CHARS) errors.push({ field: names.destination, message: `must be 1 to ${MAX_DESTINATION_CHARS} characters, got ${describe(destination)}` });
  if (startedAtMs !== undefined && endedAtMs !== undefined && endedAtMs < startedAtMs) errors.push({ field: names.endedAt, message: 'must not be before the start' });
  if (answeredAtMs !== undefined && answeredAtMs !== null) {
    if (startedAtMs !== undefined && answeredAtMs < startedAtMs) errors.push({ field: names.answeredAt, message: 'must not be before the start' });
    if (endedAtMs !== undefined && answeredAtMs > endedAtMs) errors.push({ field: names.answeredAt, message: 'must not be after the end' });
  }
  if (billsecSeconds !== undefined && answeredAtMs !== undefined) checkBillsec(billsecSeconds, answeredAtMs, endedAtMs, names, errors);
  if (disposition !== undefined && answeredAtMs !== undefined && (disposition === 'answered') !== (answeredAtMs !== null)) {
    errors.push({ field: names.disposition, message: answeredAtMs === null ? 'is "answered" but the call has no answer time' : `is "${disposition}" but the call has an answer time` });
  }
  if (
    errors.length > 0 ||
    !isValidId(callId) ||
    typeof callerId !== 'string' ||
    startedAtMs === undefined ||
    answeredAtMs === undefined ||
    endedAtMs === undefined ||
    billsecSeconds === undefined ||
    disposition === undefined
  ) {
    return failed(errors);
  }
  return ok({
    callId,
    account,
    sipUsername,
    ...(sourceIp === null ? {} : { sourceIp }),
    callerId,
    destination: dialled,
    startedAt: canonicalInstant(startedAtMs),
    answeredAt: answeredAtMs === null ? null : canonicalInstant(answeredAtMs),
    endedAt: canonicalInstant(endedAtMs),
    billsecSeconds,
    disposition,
  });
}

function checkBillsec(billsecSeconds: number, answeredAtMs: number | null, endedAtMs: number | undefined, names: CdrFieldNames, errors: FieldError[]): void {
  if (answeredAtMs === null) {
    if (billsecSeconds !== 0) errors.push({ field: names.billsec, message: 'must be 0 for a call that was not answered' });
    return;
  }
  if (endedAtMs === undefined || endedAtMs < answeredAtMs) return;
  const talkedSeconds = Math.ceil((endedAtMs - answeredAtMs) / 1000);
  if (billsecSeconds > talkedSeconds + BILLSEC_TOLERANCE_SECONDS) errors.push({ field: names.billsec, message: `must not exceed the ${talkedSeconds} s from answer to end` });
}

/** billsec as a whole number of seconds (JSON integer or digit string), bounded. */
export function readBillsec(value: unknown, field: string, errors: FieldError[]): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(number) && number >= 0 && number <= MAX_BILLSEC_SECONDS) return number;
  errors.push({ field, message: `must be a whole number of seconds from 0 to ${MAX_BILLSEC_SECONDS}, got ${describe(value)}` });
  return undefined;
}

/** `answered`, `NO ANSWER`, `no-answer`, `No_Answer` … → the canonical name. */
export function readDisposition(value: unknown, field: string, errors: FieldError[]): CallDisposition | undefined {
  const name = typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s-]+/g, '_') : '';
  if ((CALL_DISPOSITIONS as readonly string[]).includes(name)) return name as CallDisposition;
  errors.push({ field, message: `must be one of ${CALL_DISPOSITIONS.join(', ')} (or the Asterisk spelling), got ${describe(value)}` });
  return undefined;
}

/**
 * What makes two CDRs of one call "the same" for dedupe: the facts that decide the price and the
 * owner (billsec, disposition, destination, start to the second, account, SIP username). Caller id and end time
 * do not change the price, and switches re-send them slightly differently.
 */
export function cdrFingerprint(cdr: CanonicalCdr): string {
  // the start to the second: FreeSWITCH and Asterisk send whole seconds, native JSON may not
  const facts: unknown[] = [cdr.billsecSeconds, cdr.disposition, cdr.destination, cdr.startedAt.slice(0, 19), cdr.account, cdr.sipUsername];
  // only when set: the fingerprints of CDRs recorded before trunks stay what they were
  if ((cdr.sourceIp ?? null) !== null) facts.push(cdr.sourceIp);
  return JSON.stringify(facts);
}
