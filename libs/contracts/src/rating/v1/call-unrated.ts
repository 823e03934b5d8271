// Calls that cost nothing: kept for ITC (unrated, with its reason, re-rateable) and for reports
// (unanswered calls are attempts). Wallet releases the call's hold, if any.
import { z } from 'zod';
import { CallDisposition, Instant, Prefix, RatingId, Seconds, UnratedReason } from './wire.js';

const call = {
  callId: RatingId,
  /** null when the account is unknown. */
  customerId: RatingId.nullable(),
  agentId: RatingId.nullable(),
  /** as dialled (it may not be a number at all). */
  destination: z.string().min(1).max(64),
  startedAt: Instant,
  holdId: RatingId.optional(),
};

/** Answered but not rateable; the latest reason wins if a re-rate finds another one. */
export const CallUnratedV1 = z.object({
  ...call,
  account: z.string().min(1).max(128).nullable(),
  sipUsername: z.string().min(1).max(128).nullable(),
  billsec: Seconds,
  reason: UnratedReason,
});
export type CallUnratedV1 = z.infer<typeof CallUnratedV1>;

export const CallUnansweredV1 = z.object({
  ...call,
  disposition: CallDisposition.exclude(['answered']),
  /** the SIP user the CDR named (null: none); absent on calls recorded before it was published. */
  sipUsername: z.string().min(1).max(128).nullable().optional(),
  /**
   * Where the call was going: the customer's rate row for the number (its destination name and
   * prefix), as a rated call's; nothing is charged. null: no row (unknown account, no sheet, no
   * rate…); absent on calls recorded before it was published.
   */
  destinationName: z.string().min(1).max(100).nullable().optional(),
  prefix: Prefix.nullable().optional(),
});
export type CallUnansweredV1 = z.infer<typeof CallUnansweredV1>;
