// Field schemas shared by the rating v1 contracts (internal to libs/contracts/src/rating).
import { z } from 'zod';

/** call, customer, agent, sheet, version and hold ids: opaque strings. */
export const RatingId = z.string().min(1).max(128);

export const Instant = z.iso.datetime({ offset: true });

/** who caused it: `admin:<id>`, `switch`, `system`. */
export const Actor = z.string().min(1).max(200);

/** A normalised destination number: digits only. */
export const DestinationDigits = z.string().regex(/^[0-9]{1,32}$/, 'must be 1 to 32 digits');

/** A rate-row prefix. */
export const Prefix = z.string().regex(/^[0-9]{1,16}$/, 'must be 1 to 16 digits');

/** Whole seconds of a call (at most 7 days). */
export const Seconds = z.number().int().min(0).max(604_800);

export const Rounding = z.object({ decimals: z.number().int().min(0).max(6), mode: z.enum(['up', 'half-up', 'down']) });

export const CallDisposition = z.enum(['answered', 'no_answer', 'busy', 'failed', 'congestion']);

export const UnratedReason = z.enum([
  'unknown_account',
  'account_mismatch',
  'unknown_source_address',
  'ambiguous_source_address',
  'account_suspended',
  'account_closed',
  'invalid_destination',
  'no_rate_sheet',
  'no_rate',
]);
