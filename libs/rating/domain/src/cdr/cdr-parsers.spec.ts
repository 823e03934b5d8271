import { CsvRecordReader } from '../csv/csv-record-reader.js';
import { parseAsteriskCsvRecord } from './asterisk-cdr.js';
import { cdrFingerprint, type CanonicalCdr } from './canonical-cdr.js';
import { parseFreeswitchCdr } from './freeswitch-cdr.js';
import { nativeCdrItems, parseNativeCdr } from './native-cdr.js';

// One answered call: 2025-03-01 12:00:00 UTC, answered 5 s later, 61 s of talk, to +44 20 7946 0958.
const CALL: CanonicalCdr = {
  callId: '1740830400.42',
  account: '1000000001',
  sipUsername: null,
  callerId: '1000',
  destination: '442079460958',
  startedAt: '2025-03-01T12:00:00.000Z',
  answeredAt: '2025-03-01T12:00:05.000Z',
  endedAt: '2025-03-01T12:01:06.000Z',
  billsecSeconds: 61,
  disposition: 'answered',
};

const native = {
  callId: '1740830400.42',
  account: '1000000001',
  callerId: '1000',
  destination: '442079460958',
  startedAt: '2025-03-01T13:00:00+01:00',
  answeredAt: '2025-03-01T12:00:05Z',
  endedAt: '2025-03-01T12:01:06.000Z',
  billsec: 61,
  disposition: 'answered',
};

// mod_json_cdr with encode-values=true: values are URL-encoded strings
const freeswitch = {
  'core-uuid': 'a1b2',
  channel_data: { state: 'CS_REPORTING', direction: 'inbound' },
  variables: {
    uuid: '1740830400.42',
    accountcode: '1000000001',
    start_epoch: '1740830400',
    answer_epoch: '1740830405',
    end_epoch: '1740830466',
    billsec: '61',
    duration: '66',
    hangup_cause: 'NORMAL_CLEARING',
  },
  callflow: [{ caller_profile: { caller_id_number: '1000', destination_number: '442079460958', uuid: '1740830400.42' } }],
};

const asteriskLine =
  '"1000000001","1000","442079460958","from-internal","""Alice"" <1000>","PJSIP/1000-00000001","PJSIP/trunk-00000002","Dial","PJSIP/442079460958@trunk,30","2025-03-01 12:00:00","2025-03-01 12:00:05","2025-03-01 12:01:06",66,61,"ANSWERED","DOCUMENTATION","1740830400.42",""\n';

function asteriskFields(line: string): readonly string[] {
  const reader = new CsvRecordReader();
  const [record] = [...reader.push(line), ...reader.end()];
  if (record === undefined || !record.ok) throw new Error('not a record');
  return record.fields;
}

describe('one call, three formats, one canonical CDR', () => {
  it('native JSON', () => {
    expect(parseNativeCdr(native)).toEqual({ ok: true, value: CALL });
  });

  it('FreeSWITCH mod_json_cdr', () => {
    expect(parseFreeswitchCdr(freeswitch)).toEqual({ ok: true, value: CALL });
  });

  it('Asterisk Master.csv', () => {
    expect(parseAsteriskCsvRecord(asteriskFields(asteriskLine))).toEqual({ ok: true, value: CALL });
  });
});

describe('native JSON CDRs', () => {
  it('a batch is {cdrs: [...]}; a single CDR is the body', () => {
    expect(nativeCdrItems(native)).toEqual({ ok: true, value: [native] });
    expect(nativeCdrItems({ cdrs: [native, native] })).toEqual({ ok: true, value: [native, native] });
    expect(nativeCdrItems({ cdrs: [] }).ok).toBe(false);
    expect(nativeCdrItems({ cdrs: Array.from({ length: 1001 }, () => native) }).ok).toBe(false);
  });

  it('an unanswered call: answeredAt null, billsec 0, any disposition spelling', () => {
    const result = parseNativeCdr({ ...native, answeredAt: null, billsec: 0, disposition: 'NO ANSWER', account: undefined, sipUsername: 'alice' });
    expect(result).toEqual({ ok: true, value: { ...CALL, answeredAt: null, billsecSeconds: 0, disposition: 'no_answer', account: null, sipUsername: 'alice' } });
  });

  it('reports every broken field, with its path in a batch', () => {
    const result = parseNativeCdr({ callId: '', destination: '', startedAt: 'yesterday', answeredAt: null, endedAt: native.endedAt, billsec: '1.5', disposition: 'hung up' }, 'cdrs[2]');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual([
      'cdrs[2].startedAt',
      'cdrs[2].billsec',
      'cdrs[2].disposition',
      'cdrs[2].callId',
      'cdrs[2].account',
      'cdrs[2].destination',
    ]);
  });

  it.each([
    ['billsec on an unanswered call', { answeredAt: null, billsec: 5, disposition: 'no_answer' }, 'billsec', 'must be 0 for a call that was not answered'],
    ['billsec beyond answer → end', { billsec: 63 }, 'billsec', 'must not exceed the 61 s from answer to end'],
    ['answered without an answer time', { answeredAt: null, billsec: 0 }, 'disposition', 'is "answered" but the call has no answer time'],
    ['busy with an answer time', { disposition: 'busy' }, 'disposition', 'is "busy" but the call has an answer time'],
    ['an end before the start', { endedAt: '2025-03-01T11:00:00Z', answeredAt: null, billsec: 0, disposition: 'failed' }, 'endedAt', 'must not be before the start'],
    ['an answer after the end', { answeredAt: '2025-03-01T12:02:00Z' }, 'answeredAt', 'must not be after the end'],
    ['a time without an offset', { endedAt: '2025-03-01 12:01:06' }, 'endedAt', 'must be an ISO 8601 instant with an offset, got "2025-03-01 12:01:06"'],
    ['a JSON number as billsec text', { billsec: 61.5 }, 'billsec', 'must be a whole number of seconds from 0 to 604800, got number 61.5'],
  ])('refuses %s', (_what, change, field, message) => {
    expect(parseNativeCdr({ ...native, ...change })).toEqual({ ok: false, errors: [{ field, message }] });
  });

  it('tolerates one second of rounding between billsec and answer → end', () => {
    expect(parseNativeCdr({ ...native, billsec: 62 }).ok).toBe(true);
  });
});

describe('FreeSWITCH mod_json_cdr', () => {
  it('URL-decodes values and prefers variables over the caller profile', () => {
    const body = { ...freeswitch, variables: { ...freeswitch.variables, destination_number: '%2B44%2020%207946%200958', caller_id_number: '%2B15551234' } };
    expect(parseFreeswitchCdr(body)).toEqual({ ok: true, value: { ...CALL, destination: '+44 20 7946 0958', callerId: '+15551234' } });
  });

  it('takes the SIP username from user_name, else the caller profile; callflow may be one object', () => {
    const body = { variables: { ...freeswitch.variables, accountcode: '' }, callflow: { caller_profile: { ...freeswitch.callflow[0]?.caller_profile, username: '1000' } } };
    expect(parseFreeswitchCdr(body)).toEqual({ ok: true, value: { ...CALL, account: null, sipUsername: '1000' } });
  });

  it.each([
    ['USER_BUSY', 'busy'],
    ['NO_ANSWER', 'no_answer'],
    ['ORIGINATOR_CANCEL', 'no_answer'],
    ['NORMAL_CIRCUIT_CONGESTION', 'congestion'],
    ['CALL_REJECTED', 'failed'],
  ])('an unanswered call hung up with %s is %s', (cause, disposition) => {
    const body = { ...freeswitch, variables: { ...freeswitch.variables, answer_epoch: '0', billsec: '0', hangup_cause: cause } };
    expect(parseFreeswitchCdr(body)).toEqual({ ok: true, value: { ...CALL, answeredAt: null, billsecSeconds: 0, disposition } });
  });

  it('refuses a body without variables, and names the variables it could not read', () => {
    expect(parseFreeswitchCdr({})).toEqual({ ok: false, errors: [{ field: 'variables', message: 'a mod_json_cdr body has a "variables" object, got nothing' }] });
    const result = parseFreeswitchCdr({ variables: { uuid: 'x', accountcode: 'a', start_epoch: 'soon', answer_epoch: '0', end_epoch: '1740830466', billsec: '0' }, callflow: [] });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'variables.start_epoch', message: 'must be seconds since the epoch, got "soon"' },
        { field: 'variables.destination_number', message: 'must be 1 to 64 characters, got nothing' },
      ],
    });
  });
});

describe('Asterisk Master.csv', () => {
  it('reads times in the switch offset when it does not log in UTC', () => {
    const local = asteriskLine.replaceAll('2025-03-01 12:', '2025-03-01 14:');
    expect(parseAsteriskCsvRecord(asteriskFields(local), { utcOffset: '+02:00' })).toEqual({ ok: true, value: CALL });
  });

  it('an unanswered call has an empty answer', () => {
    const line = asteriskLine.replace('"2025-03-01 12:00:05"', '""').replace(',66,61,"ANSWERED"', ',66,0,"NO ANSWER"');
    expect(parseAsteriskCsvRecord(asteriskFields(line))).toEqual({ ok: true, value: { ...CALL, answeredAt: null, billsecSeconds: 0, disposition: 'no_answer' } });
  });

  it('without a uniqueid, the call id is a hash of the row: the same row, the same id', () => {
    const fields = asteriskFields(asteriskLine).slice(0, 16);
    const first = parseAsteriskCsvRecord(fields);
    const again = parseAsteriskCsvRecord([...fields]);
    const other = parseAsteriskCsvRecord(fields.map((field, i) => (i === 11 ? '2025-03-01 12:01:07' : field)));
    expect(first.ok && first.value.callId).toMatch(/^asterisk-[0-9a-f]{32}$/);
    expect(again.ok && again.value.callId).toBe(first.ok && first.value.callId);
    expect(other.ok && other.value.callId).not.toBe(first.ok && first.value.callId);
  });

  it('without an account code, the SIP peer of the channel owns the call', () => {
    const fields = asteriskFields(asteriskLine).map((field, i) => (i === 0 ? '' : field));
    expect(parseAsteriskCsvRecord(fields)).toEqual({ ok: true, value: { ...CALL, account: null, sipUsername: '1000' } });
  });

  it('refuses rows of the wrong width and impossible times', () => {
    expect(parseAsteriskCsvRecord(['a', 'b'])).toEqual({ ok: false, errors: [{ field: 'line', message: 'a Master.csv row has 16 to 18 fields, got 2' }] });
    const fields = asteriskFields(asteriskLine).map((field, i) => (i === 9 ? '2025-02-30 12:00:00' : field));
    expect(parseAsteriskCsvRecord(fields)).toEqual({ ok: false, errors: [{ field: 'start', message: 'must be a time "YYYY-MM-DD HH:MM:SS", got "2025-02-30 12:00:00"' }] });
  });
});

describe('dedupe fingerprint', () => {
  it('ignores what does not change the price: caller id, end time, sub-second start', () => {
    expect(cdrFingerprint({ ...CALL, callerId: 'anonymous', endedAt: '2025-03-01T12:01:07.000Z', startedAt: '2025-03-01T12:00:00.400Z' })).toBe(cdrFingerprint(CALL));
  });

  it.each([
    ['billsec', { billsecSeconds: 62 }],
    ['destination', { destination: '442079460959' }],
    ['start', { startedAt: '2025-03-01T12:00:01.000Z' }],
    ['account', { account: '1000000002' }],
  ])('changes with the %s', (_what, change) => {
    expect(cdrFingerprint({ ...CALL, ...change })).not.toBe(cdrFingerprint(CALL));
  });
});
