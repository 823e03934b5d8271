// Call decisions: authorization, the CDR (rated once, docs/rating.md), re-rating an unrated call.
// Dedupe: the call's stream is the guarantee. A second CDR with the same fingerprint decides
// nothing (the first one stands); one with another fingerprint is a 409 cdr_conflict, never a
// second charge and never a silent overwrite.
import { invariant } from '@billing/decider';
import { cdrFingerprint, type CanonicalCdr } from '../cdr/canonical-cdr.js';
import { rateCall } from '../engine/rate-call.js';
import { normaliseDestination } from '../numbers/normalise-destination.js';
import { auditOf, type Audit } from '../shared/command-meta.js';
import { checkId } from '../shared/checks.js';
import { CDR_CLOCK_SKEW_SECONDS, MAX_CALL_SECONDS } from '../shared/limits.js';
import { rejections } from '../shared/rejections.js';
import type { CallPricing } from './call-pricing.js';
import type { AuthorizeCall, CallCommand, RecordCdr, ReRateCall } from './call.commands.js';
import type { CallEvent, CallRated, CallReRated } from './call.events.js';
import { isRetryOf, type CallState } from './call.state.js';

export function decideCall(command: CallCommand, state: CallState): CallEvent[] {
  switch (command.type) {
    case 'AuthorizeCall':
      return authorize(command, state);
    case 'RecordCdr':
      return recordCdr(command, state);
    case 'ReRateCall':
      return reRate(command, state);
  }
}

function authorize(command: AuthorizeCall, state: CallState): CallEvent[] {
  const callId = checkId(command.callId, 'callId');
  const { customerId, agentId, destinationDigits, prefix, sheetId, versionId, holdId, grantedMicros, maxDurationSeconds } = command;
  if (grantedMicros < 0n || !Number.isSafeInteger(maxDurationSeconds) || maxDurationSeconds < 0 || maxDurationSeconds > MAX_CALL_SECONDS) throw rejections.invalidGrant();
  invariant(destinationDigits.startsWith(prefix), `authorized prefix ${prefix} does not match ${destinationDigits}`);
  if (state.outcome !== null) throw rejections.callAlreadyEnded();
  const existing = state.authorization;
  if (existing !== null) {
    // the switch retried: wallet answers the same hold for the same call, so the same terms are expected
    const same = isRetryOf(existing, { customerId, destinationDigits }) && existing.holdId === holdId && existing.grantedMicros === grantedMicros && existing.maxDurationSeconds === maxDurationSeconds;
    if (same) return [];
    throw rejections.callAlreadyAuthorized();
  }
  return [{ type: 'CallAuthorized', callId, customerId, agentId, destinationDigits, prefix, sheetId, versionId, holdId, grantedMicros, maxDurationSeconds, ...auditOf(command.meta) }];
}

function recordCdr(command: RecordCdr, state: CallState): CallEvent[] {
  const { cdr, pricing } = command;
  const callId = checkId(cdr.callId, 'callId');
  if (state.callId !== null && state.callId !== callId) throw rejections.callIdMismatch();
  if (state.outcome !== null) {
    if (state.outcome.fingerprint === cdrFingerprint(cdr)) return [];
    throw rejections.cdrConflict();
  }
  // endedAt is the latest of the CDR's times (startedAt ≤ answeredAt ≤ endedAt)
  if (Date.parse(cdr.endedAt) > Date.parse(command.meta.now) + CDR_CLOCK_SKEW_SECONDS * 1000) throw rejections.cdrInFuture(cdr.endedAt, command.meta.now);
  const audit = auditOf(command.meta);
  const holdId = state.authorization?.holdId ?? null;
  const owner = { customerId: pricing.customerId, agentId: pricing.agentId };
  if (cdr.answeredAt === null) return [{ type: 'CallUnanswered', callId, ...owner, cdr, ...unansweredDestination(pricing), holdId, ...audit }];
  if (pricing.kind === 'unpriced') return [{ type: 'CallUnrated', callId, ...owner, cdr, reason: pricing.reason, holdId, ...audit }];
  return [{ type: 'CallRated', ...rated(cdr, pricing, holdId, audit) }];
}

/** Where an unanswered call was going: the row a rated call would have been priced at, else none. */
function unansweredDestination(pricing: CallPricing): { destinationName: string | null; prefix: string | null } {
  return pricing.kind === 'priced' ? { destinationName: pricing.row.destination, prefix: pricing.row.prefix } : { destinationName: null, prefix: null };
}

function reRate(command: ReRateCall, state: CallState): CallEvent[] {
  checkId(command.callId, 'callId');
  const { outcome } = state;
  if (outcome === null) throw rejections.noCdr();
  if (outcome.status === 'rated') throw rejections.callAlreadyRated();
  if (outcome.status === 'unanswered') throw rejections.callUnanswered();
  invariant(outcome.reason !== null, 'an unrated call has a reason');
  const { pricing } = command;
  const holdId = state.authorization?.holdId ?? null;
  const audit = auditOf(command.meta);
  if (pricing.kind === 'unpriced') {
    // still unrated for the same reason: nothing new to record
    if (pricing.reason === outcome.reason) return [];
    return [{ type: 'CallUnrated', callId: outcome.cdr.callId, customerId: pricing.customerId, agentId: pricing.agentId, cdr: outcome.cdr, reason: pricing.reason, holdId, ...audit }];
  }
  const reRated: CallReRated = { type: 'CallReRated', ...rated(outcome.cdr, pricing, holdId, audit), previousReason: outcome.reason };
  return [reRated];
}

function rated(cdr: CanonicalCdr, pricing: Extract<CallPricing, { kind: 'priced' }>, holdId: string | null, audit: Audit): Omit<CallRated, 'type'> {
  const number = normaliseDestination(cdr.destination);
  // The service resolved the row for this number: anything else is its bug, never a charge.
  invariant(number.ok && number.digits.startsWith(pricing.row.prefix), `row ${pricing.row.prefix} does not match destination "${cdr.destination}"`);
  const cost = rateCall(pricing.row, pricing.rounding, cdr.billsecSeconds);
  return {
    callId: cdr.callId,
    customerId: pricing.customerId,
    agentId: pricing.agentId,
    cdr,
    destinationDigits: number.digits,
    prefix: pricing.row.prefix,
    destinationName: pricing.row.destination,
    sheetId: pricing.sheetId,
    versionId: pricing.versionId,
    billedSeconds: cost.billedSeconds,
    costMicros: cost.costMicros,
    // the same talk time at the agent's own rates (its increments and rounding): the agent's cost
    agentCostMicros: pricing.agentPrice === undefined || pricing.agentPrice === null ? null : rateCall(pricing.agentPrice.row, pricing.agentPrice.rounding, cdr.billsecSeconds).costMicros,
    holdId,
    ...audit,
  };
}
