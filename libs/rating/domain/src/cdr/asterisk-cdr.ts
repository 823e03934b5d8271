// Asterisk cdr_csv `Master.csv` rows (no header): accountcode, src, dst, dcontext, clid, channel,
// dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags
// [, uniqueid [, userfield]]. Times are "YYYY-MM-DD HH:MM:SS" without a zone: Asterisk writes
// local time unless `usegmtime=yes`, so the importer states the switch's UTC offset (default
// +00:00 — configure usegmtime). An unanswered call has an empty `answer`.
// Call id = `uniqueid`; a row without one gets `asterisk-<128-bit hash of the whole row>`, so a
// re-uploaded file yields the same ids and is deduplicated like any repeated CDR.
import type { FieldError, Parsed } from '../shared/field-error.js';
import { failed } from '../shared/field-error.js';
import { describe } from '../shared/read-field.js';
import { checkCdr, readBillsec, readDisposition, type CanonicalCdr, type CdrFieldNames } from './canonical-cdr.js';
import { hash128Hex } from './hash128.js';

export const ASTERISK_COLUMNS = [
  'accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata',
  'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield',
] as const;
const REQUIRED_COLUMNS = 16;

const NAMES: CdrFieldNames = {
  callId: 'uniqueid',
  account: 'accountcode',
  sourceIp: 'accountcode',
  callerId: 'src',
  destination: 'dst',
  startedAt: 'start',
  answeredAt: 'answer',
  endedAt: 'end',
  billsec: 'billsec',
  disposition: 'disposition',
};

export interface AsteriskCsvOptions {
  /** the switch's UTC offset for zone-less times, `+HH:MM` / `-HH:MM`; default `+00:00`. */
  readonly utcOffset?: string;
}

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** One Master.csv record's fields (from CsvRecordReader) → a canonical CDR or its errors. */
export function parseAsteriskCsvRecord(fields: readonly string[], options: AsteriskCsvOptions = {}): Parsed<CanonicalCdr> {
  if (fields.length < REQUIRED_COLUMNS || fields.length > ASTERISK_COLUMNS.length) {
    return failed([{ field: 'line', message: `a Master.csv row has ${REQUIRED_COLUMNS} to ${ASTERISK_COLUMNS.length} fields, got ${fields.length}` }]);
  }
  const offsetMs = offsetOf(options.utcOffset ?? '+00:00');
  const column = (name: (typeof ASTERISK_COLUMNS)[number]) => (fields[ASTERISK_COLUMNS.indexOf(name)] ?? '').trim();
  const errors: FieldError[] = [];
  const time = (name: 'start' | 'answer' | 'end', emptyIsNull: boolean) => {
    const value = column(name);
    if (emptyIsNull && value === '') return null;
    const ms = localTimeMs(value, offsetMs);
    if (ms === undefined) errors.push({ field: name, message: `must be a time "YYYY-MM-DD HH:MM:SS"${emptyIsNull ? ' or empty' : ''}, got ${describe(value)}` });
    return ms;
  };
  const accountcode = column('accountcode');
  const uniqueid = column('uniqueid');
  return checkCdr(
    {
      callId: uniqueid !== '' ? uniqueid : `asterisk-${hash128Hex(fields.map((field) => field.trim()).join('\u001f'))}`,
      account: accountcode === '' ? null : accountcode,
      // without an account code, the caller's SIP peer is the channel's name: "PJSIP/1000-00000001" → 1000
      sipUsername: accountcode === '' ? peerOf(column('channel')) : null,
      // Master.csv has no column for the source address: a PBX trunk by IP is given an accountcode on its peer
      sourceIp: null,
      callerId: column('src'),
      destination: column('dst'),
      startedAtMs: time('start', false) ?? undefined,
      answeredAtMs: time('answer', true),
      endedAtMs: time('end', false) ?? undefined,
      billsecSeconds: readBillsec(column('billsec'), NAMES.billsec, errors),
      disposition: readDisposition(column('disposition'), NAMES.disposition, errors),
    },
    NAMES,
    errors,
  );
}

function offsetOf(utcOffset: string): number {
  const match = OFFSET.exec(utcOffset);
  if (match === null) throw new RangeError(`utcOffset must look like "+02:00", got "${utcOffset}"`);
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

function localTimeMs(text: string, offsetMs: number): number | undefined {
  const match = LOCAL_TIME.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const utcMs = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  // Date.UTC rolls over (Feb 30 → Mar 2): refuse a time that does not exist
  const check = new Date(utcMs);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return utcMs - offsetMs;
}

function peerOf(channel: string): string | null {
  const match = /^[A-Za-z0-9]+\/(.+)-[0-9a-fA-F]+$/.exec(channel);
  return match?.[1] ?? null;
}
