// Events of a call (stream `call-{callId}`). The outcome events carry the canonical CDR, so the
// call history and the integration events need nothing else.
import type { CanonicalCdr } from '../cdr/canonical-cdr.js';
import type { UnratedReason } from './call-pricing.js';

interface CallEventBase {
  readonly callId: string;
  readonly actor: string;
  readonly occurredAt: string;
}

export interface CallAuthorized extends CallEventBase {
  readonly type: 'CallAuthorized';
  readonly customerId: string;
  readonly agentId: string | null;
  readonly destinationDigits: string;
  readonly prefix: string;
  readonly sheetId: string;
  readonly versionId: string;
  readonly holdId: string | null;
  readonly grantedMicros: bigint;
  readonly maxDurationSeconds: number;
}

interface RatedFields extends CallEventBase {
  readonly customerId: string;
  readonly agentId: string | null;
  readonly cdr: CanonicalCdr;
  readonly destinationDigits: string;
  readonly prefix: string;
  /** the rate row's destination name. */
  readonly destinationName: string;
  readonly sheetId: string;
  readonly versionId: string;
  readonly billedSeconds: number;
  readonly costMicros: bigint;
  /**
   * What the call costs the customer's agent at the sheet ITC assigned to it (in force at the
   * call's start); null = not known (ITC-direct customer, no agent rate); absent on calls rated
   * before it was recorded.
   */
  readonly agentCostMicros?: bigint | null;
  readonly holdId: string | null;
}

export interface CallRated extends RatedFields {
  readonly type: 'CallRated';
}

/** A call that was unrated is now rated: it is charged like any rated call (it never was before). */
export interface CallReRated extends RatedFields {
  readonly type: 'CallReRated';
  readonly previousReason: UnratedReason;
}

/** Kept, never dropped, visible to ITC, re-rateable (docs/rating.md). Also recorded again when a re-rate finds another reason. */
export interface CallUnrated extends CallEventBase {
  readonly type: 'CallUnrated';
  readonly customerId: string | null;
  readonly agentId: string | null;
  readonly cdr: CanonicalCdr;
  readonly reason: UnratedReason;
  readonly holdId: string | null;
}

/** Not answered: costs nothing, counts as an attempt (ASR). */
export interface CallUnanswered extends CallEventBase {
  readonly type: 'CallUnanswered';
  readonly customerId: string | null;
  readonly agentId: string | null;
  readonly cdr: CanonicalCdr;
  /**
   * The customer's rate row for the number, found as for a rated call (no cost is taken from it):
   * its destination name and prefix, so reports count the attempt where it was going (ASR per
   * destination). null = no row (unknown account, no sheet, no rate…); absent on calls recorded
   * before it was kept (read as null).
   */
  readonly destinationName?: string | null;
  readonly prefix?: string | null;
  readonly holdId: string | null;
}

export type CallEvent = CallAuthorized | CallRated | CallReRated | CallUnrated | CallUnanswered;

export const CALL_EVENT_TYPES: readonly CallEvent['type'][] = ['CallAuthorized', 'CallRated', 'CallReRated', 'CallUnrated', 'CallUnanswered'];
