// FreeSWITCH mod_xml_curl directory answers (https://developer.signalwire.com/freeswitch/ →
// mod_xml_curl, XML User Directory). The switch authenticates SIP digests with `a1-hash`
// (= md5(user:realm:password)); variables travel with the user into the dialplan.
import type { DirectoryEntry } from '../queries/rows.js';

export const FREESWITCH_NOT_FOUND =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
  '<document type="freeswitch/xml">\n  <section name="result">\n    <result status="not found"/>\n  </section>\n</document>\n';

/** Variables the dialplan reads (documented in the service README). */
export function directoryVariables(entry: DirectoryEntry): Record<string, string> {
  const variables: Record<string, string> = {
    accountcode: entry.accountNumber,
    user_context: 'default',
    billing_customer_id: entry.customerId,
    billing_sip_user: entry.sipUser.sipUsername,
    // the user's own limit when it has one (always within the account's)
    billing_max_concurrent_calls: String(entry.sipUser.maxConcurrentCalls ?? entry.maxConcurrentCalls),
    billing_max_call_duration_seconds: String(entry.maxCallDurationSeconds),
    // FollowMe reaches the switch only while ITC gives the feature
    follow_me_enabled: String(entry.followMe.enabled && entry.features.followMe),
    // features the switch itself applies (ITC assigns them: PATCH /customers/{id}/features)
    call_recording: String(entry.features.callRecording),
    voicemail_enabled: String(entry.features.voicemail),
    // "dest:ringSeconds" in the order they are tried
    follow_me_targets: entry.followMe.targets.map((target) => `${target.destination}:${target.ringSeconds}`).join(','),
  };
  const callerId = entry.sipUser.effectiveCallerId;
  if (callerId !== null) {
    variables.effective_caller_id_number = callerId;
    variables.outbound_caller_id_number = callerId;
  }
  if (entry.sipUser.displayName !== null) variables.effective_caller_id_name = entry.sipUser.displayName;
  return variables;
}

export function freeswitchUser(entry: DirectoryEntry, realm: string): string {
  const variables = Object.entries(directoryVariables(entry))
    .map(([name, value]) => `          <variable name="${xml(name)}" value="${xml(value)}"/>`)
    .join('\n');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    '<document type="freeswitch/xml">\n' +
    '  <section name="directory">\n' +
    `    <domain name="${xml(realm)}">\n` +
    `      <user id="${xml(entry.sipUser.sipUsername)}">\n` +
    '        <params>\n' +
    `          <param name="a1-hash" value="${xml(entry.sipHa1)}"/>\n` +
    '        </params>\n' +
    '        <variables>\n' +
    `${variables}\n` +
    '        </variables>\n' +
    '      </user>\n' +
    '    </domain>\n' +
    '  </section>\n' +
    '</document>\n'
  );
}

function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
