// A call's state: its authorization and its outcome. Small and bounded: one CDR at most.
import { invariant } from '@billing/decider';
import { cdrFingerprint, type CanonicalCdr } from '../cdr/canonical-cdr.js';
import type { UnratedReason } from './call-pricing.js';
import type { CallEvent } from './call.events.js';

export interface CallAuthorization {
  readonly customerId: string;
  readonly agentId: string | null;
  readonly destinationDigits: string;
  readonly sheetId: string;
  readonly versionId: string;
  readonly holdId: string | null;
  readonly grantedMicros: bigint;
  readonly maxDurationSeconds: number;
}

/**
 * Whether an authorization request is the switch retrying this authorized call (same customer,
 * same number) rather than another call reusing its id: a grant was priced for one number only.
 */
export function isRetryOf(authorization: CallAuthorization, request: { readonly customerId: string; readonly destinationDigits: string }): boolean {
  return authorization.customerId === request.customerId && authorization.destinationDigits === request.destinationDigits;
}

export interface CallOutcome {
  readonly status: 'rated' | 'unrated' | 'unanswered';
  readonly cdr: CanonicalCdr;
  /** what a repeated CDR must match (cdrFingerprint). */
  readonly fingerprint: string;
  /** set while unrated. */
  readonly reason: UnratedReason | null;
  readonly costMicros: bigint;
}

export interface CallState {
  readonly callId: string | null;
  readonly authorization: CallAuthorization | null;
  readonly outcome: CallOutcome | null;
}

export function initialCall(): CallState {
  return { callId: null, authorization: null, outcome: null };
}

export function evolveCall(state: CallState, event: CallEvent): CallState {
  invariant(state.callId === null || state.callId === event.callId, `event of call ${event.callId} on call ${state.callId}`);
  switch (event.type) {
    case 'CallAuthorized': {
      invariant(state.authorization === null && state.outcome === null, `call ${event.callId} authorized twice or after its CDR`);
      const { customerId, agentId, destinationDigits, sheetId, versionId, holdId, grantedMicros, maxDurationSeconds } = event;
      return { ...state, callId: event.callId, authorization: { customerId, agentId, destinationDigits, sheetId, versionId, holdId, grantedMicros, maxDurationSeconds } };
    }
    case 'CallRated':
      invariant(state.outcome === null, `call ${event.callId} rated twice`);
      return { ...state, callId: event.callId, outcome: outcome('rated', event.cdr, null, event.costMicros) };
    case 'CallUnanswered':
      invariant(state.outcome === null, `call ${event.callId} has two CDRs`);
      return { ...state, callId: event.callId, outcome: outcome('unanswered', event.cdr, null, 0n) };
    case 'CallUnrated':
      invariant(state.outcome === null || state.outcome.status === 'unrated', `call ${event.callId} unrated after ${state.outcome?.status}`);
      return { ...state, callId: event.callId, outcome: outcome('unrated', event.cdr, event.reason, 0n) };
    case 'CallReRated':
      invariant(state.outcome?.status === 'unrated', `call ${event.callId} re-rated while ${state.outcome?.status ?? 'without a CDR'}`);
      return { ...state, outcome: outcome('rated', state.outcome.cdr, null, event.costMicros) };
  }
}

function outcome(status: CallOutcome['status'], cdr: CanonicalCdr, reason: UnratedReason | null, costMicros: bigint): CallOutcome {
  return { status, cdr, fingerprint: cdrFingerprint(cdr), reason, costMicros };
}
