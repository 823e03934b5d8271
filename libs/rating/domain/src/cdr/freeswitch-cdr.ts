// FreeSWITCH mod_json_cdr POST bodies. Channel variables are under `variables` and, with the
// module's default `encode-values=true`, URL-encoded (`%2B44…`): every value is decoded here.
// caller_id_number / destination_number / username are read from `variables` first, then from the
// caller profile of the first `callflow` entry (FreeSWITCH lists the current profile first, i.e.
// the number finally dialled after any dialplan transfer). `callflow` is an array in current
// versions and a single object in old ones.
import type { FieldError, Parsed } from '../shared/field-error.js';
import { failed } from '../shared/field-error.js';
import { describe } from '../shared/read-field.js';
import { checkCdr, readBillsec, type CallDisposition, type CanonicalCdr, type CdrFieldNames } from './canonical-cdr.js';

const NAMES: CdrFieldNames = {
  callId: 'variables.uuid',
  account: 'variables.accountcode',
  sourceIp: 'variables.sip_network_ip',
  callerId: 'variables.caller_id_number',
  destination: 'variables.destination_number',
  startedAt: 'variables.start_epoch',
  answeredAt: 'variables.answer_epoch',
  endedAt: 'variables.end_epoch',
  billsec: 'variables.billsec',
  disposition: 'variables.hangup_cause',
};

/** Hangup causes of unanswered calls → disposition; any other cause of an unanswered call is `failed`. */
const UNANSWERED_CAUSES: Readonly<Record<string, CallDisposition>> = {
  USER_BUSY: 'busy',
  NO_ANSWER: 'no_answer',
  NO_USER_RESPONSE: 'no_answer',
  ORIGINATOR_CANCEL: 'no_answer',
  ALLOTTED_TIMEOUT: 'no_answer',
  NORMAL_CIRCUIT_CONGESTION: 'congestion',
  SWITCH_CONGESTION: 'congestion',
};

export function parseFreeswitchCdr(body: unknown): Parsed<CanonicalCdr> {
  const root = asRecord(body);
  const variables = asRecord(root?.['variables']);
  if (root === undefined || variables === undefined) return failed([{ field: 'variables', message: `a mod_json_cdr body has a "variables" object, got ${describe(root === undefined ? body : root['variables'])}` }]);
  const profile = callerProfile(root['callflow']);
  // an empty variable is an absent one (FreeSWITCH writes "" for unset codes)
  const variable = (name: string) => nonEmpty(decoded(variables[name]));
  const fromProfile = (name: string) => nonEmpty(decoded(profile?.[name]));
  const errors: FieldError[] = [];
  const answeredAtMs = epoch(variable('answer_epoch'), NAMES.answeredAt, errors, true);
  const cause = variable('hangup_cause') ?? '';
  return checkCdr(
    {
      callId: variable('uuid') ?? fromProfile('uuid'),
      account: variable('accountcode') ?? null,
      sipUsername: variable('user_name') ?? fromProfile('username') ?? null,
      // the address the INVITE came from (a PBX trunk by source IP): sip_network_ip, else the caller profile's network_addr
      sourceIp: variable('sip_network_ip') ?? fromProfile('network_addr') ?? null,
      callerId: variable('caller_id_number') ?? fromProfile('caller_id_number') ?? '',
      destination: variable('destination_number') ?? fromProfile('destination_number'),
      startedAtMs: epoch(variable('start_epoch'), NAMES.startedAt, errors, false) ?? undefined,
      answeredAtMs,
      endedAtMs: epoch(variable('end_epoch'), NAMES.endedAt, errors, false) ?? undefined,
      billsecSeconds: readBillsec(variable('billsec'), NAMES.billsec, errors),
      // answered is a fact of the channel (an answer time), whatever the cause says afterwards
      disposition: answeredAtMs === undefined ? undefined : answeredAtMs !== null ? 'answered' : (UNANSWERED_CAUSES[cause] ?? 'failed'),
    },
    NAMES,
    errors,
  );
}

/** Seconds since the epoch as FreeSWITCH writes them; "0" = never (answer_epoch of an unanswered call). */
function epoch(value: string | undefined, field: string, errors: FieldError[], zeroIsNull: boolean): number | null | undefined {
  if (value !== undefined && /^[0-9]{1,11}$/.test(value)) {
    const seconds = Number(value);
    if (seconds === 0 && zeroIsNull) return null;
    if (seconds > 0) return seconds * 1000;
  }
  errors.push({ field, message: `must be seconds since the epoch${zeroIsNull ? ' (0 = never)' : ''}, got ${describe(value)}` });
  return undefined;
}

function callerProfile(callflow: unknown): Record<string, unknown> | undefined {
  const current = Array.isArray(callflow) ? (callflow[0] as unknown) : callflow;
  return asRecord(asRecord(current)?.['caller_profile']);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** A variable's text, URL-decoded; a value that is not valid %-encoding is kept as sent. */
function decoded(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
