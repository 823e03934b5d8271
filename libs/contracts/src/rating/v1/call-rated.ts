// A call was rated (docs/rating.md): wallet charges `cost` for `callId` (settling its hold if one is
// open), reports count it. `cost` is the sheet's rounding applied once to the exact cost.
import { z } from 'zod';
import { NonNegativeMoneyString } from '../../money.js';
import { DestinationDigits, Instant, Prefix, RatingId, Seconds, UnratedReason } from './wire.js';

export const CallRatedV1 = z.object({
  callId: RatingId,
  customerId: RatingId,
  /** null = ITC-direct customer. */
  agentId: RatingId.nullable(),
  /** the dialled number, normalised to digits. */
  destination: DestinationDigits,
  /** the matched rate row's destination name. */
  destinationName: z.string().min(1).max(100),
  prefix: Prefix,
  startedAt: Instant,
  billsec: Seconds,
  billedSeconds: Seconds,
  cost: NonNegativeMoneyString,
  sheetId: RatingId,
  versionId: RatingId,
  /** the wallet hold placed at authorization (wallet keys holds by callId). */
  holdId: RatingId.optional(),
  /**
   * What the call costs the customer's agent: its price on the sheet ITC assigned to the agent, in
   * force at the call's start (the agent's margin = cost − agentCost). null = not known (an
   * ITC-direct customer, or the agent's sheet has no rate for the number); absent on calls rated
   * before it was recorded — consumers treat both as unknown, never as 0.
   */
  agentCost: NonNegativeMoneyString.nullable().optional(),
  /** the SIP user the CDR named (null: it named only the account, or a trunk address); absent on calls rated before it was published. */
  sipUsername: z.string().min(1).max(128).nullable().optional(),
});
export type CallRatedV1 = z.infer<typeof CallRatedV1>;

/** A call kept unrated is now rated: charged exactly like CallRated (it was never charged before). */
export const CallReRatedV1 = CallRatedV1.extend({ previousReason: UnratedReason });
export type CallReRatedV1 = z.infer<typeof CallReRatedV1>;
