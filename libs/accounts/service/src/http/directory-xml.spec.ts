import { DEFAULT_FEATURES } from '@billing/accounts-domain';
import type { DirectoryEntry } from '../queries/rows.js';
import { FREESWITCH_NOT_FOUND, freeswitchUser } from './directory-xml.js';

const entry = {
  customerId: 'c-1',
  accountNumber: '1000000016',
  sipUsername: '1000000016',
  sipHa1: '0123456789abcdef0123456789abcdef',
  defaultCallerId: '+442079460958',
  followMe: { enabled: true, targets: [{ destination: '+447700900123', ringSeconds: 20 }] },
  maxConcurrentCalls: 2,
  maxCallDurationSeconds: 3600,
  features: DEFAULT_FEATURES,
  sipUser: {
    customerId: 'c-1',
    sipUsername: '1000000016',
    firstUser: true,
    displayName: null,
    callerId: null,
    effectiveCallerId: '+442079460958',
    maxConcurrentCalls: null,
    status: 'active',
  },
} as DirectoryEntry;

describe('FreeSWITCH directory XML', () => {
  it('carries the HA1 as a1-hash and the variables of the customer', () => {
    const xml = freeswitchUser(entry, 'sip.example');
    expect(xml).toContain('<domain name="sip.example">');
    expect(xml).toContain('<user id="1000000016">');
    expect(xml).toContain('<param name="a1-hash" value="0123456789abcdef0123456789abcdef"/>');
    expect(xml).toContain('<variable name="accountcode" value="1000000016"/>');
    expect(xml).toContain('<variable name="effective_caller_id_number" value="+442079460958"/>');
    expect(xml).toContain('<variable name="follow_me_targets" value="+447700900123:20"/>');
  });

  it('omits the caller id variables without a default CallerID, and escapes attribute values', () => {
    const xml = freeswitchUser({ ...entry, sipUser: { ...entry.sipUser, effectiveCallerId: null } }, 'a&b"<c>');
    expect(xml).not.toContain('caller_id_number');
    expect(xml).toContain('<domain name="a&amp;b&quot;&lt;c&gt;">');
  });

  it("answers a further user of the account under its own name, with its CallerID, display name and limit", () => {
    const xml = freeswitchUser(
      { ...entry, sipUser: { ...entry.sipUser, sipUsername: 'desk-2', firstUser: false, displayName: 'Desk 2', effectiveCallerId: '+34912345678', maxConcurrentCalls: 1 } },
      'sip.example',
    );
    expect(xml).toContain('<user id="desk-2">');
    expect(xml).toContain('<variable name="effective_caller_id_number" value="+34912345678"/>');
    expect(xml).toContain('<variable name="effective_caller_id_name" value="Desk 2"/>');
    expect(xml).toContain('<variable name="billing_sip_user" value="desk-2"/>');
    expect(xml).toContain('<variable name="billing_max_concurrent_calls" value="1"/>');
    expect(xml).toContain('<variable name="accountcode" value="1000000016"/>');
  });

  it('hands the switch the features it applies itself (recording, voicemail), and FollowMe only with its feature', () => {
    expect(freeswitchUser(entry, 'sip.example')).toContain('<variable name="call_recording" value="false"/>');
    const xml = freeswitchUser({ ...entry, features: { ...DEFAULT_FEATURES, followMe: false, callRecording: true, voicemail: true } }, 'sip.example');
    expect(xml).toContain('<variable name="call_recording" value="true"/>');
    expect(xml).toContain('<variable name="voicemail_enabled" value="true"/>');
    expect(xml).toContain('<variable name="follow_me_enabled" value="false"/>');
  });

  it('has a not-found document', () => {
    expect(FREESWITCH_NOT_FOUND).toContain('<result status="not found"/>');
  });
});
