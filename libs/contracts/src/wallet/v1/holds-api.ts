// The wallet's synchronous hold API (docs/ARCHITECTURE.md, Shape: the call between services; rating asks for
// a hold while it authorizes a call). In one process it is a method call; between processes it
// is this HTTP contract (`POST /api/v1/internal/wallet/holds[/release|/charges|/releases]`, the switch API key).
import { z } from 'zod';
import { parseMoney } from '@billing/money';
import { MAX_REQUEST_AMOUNT, MoneyString, PositiveMoneyString, PositiveRequestAmount } from '../../money.js';
import { Instant, WalletId } from './wire.js';

export const HOLDS_API_PATH = '/api/v1/internal/wallet/holds';

/**
 * The most a hold may ask for (MAX_REQUEST_AMOUNT, as every request's amount; more is a 400). A call
 * whose longest duration would cost more asks for this much: the wallet grants at most what is
 * available anyway, and the call's longest duration follows from what was granted.
 */
export const MAX_HOLD_REQUEST_MICROS = parseMoney(MAX_REQUEST_AMOUNT);

export const PlaceHoldRequestV1 = z.strictObject({ customerId: WalletId, callId: WalletId, requested: PositiveRequestAmount, expiresAt: Instant.optional() });
export type PlaceHoldRequestV1 = z.infer<typeof PlaceHoldRequestV1>;

export const PlaceHoldResponseV1 = z.discriminatedUnion('granted', [
  z.object({ granted: z.literal(true), grantedAmount: PositiveMoneyString, expiresAt: Instant }),
  z.object({ granted: z.literal(false), grantedAmount: z.literal('0'), code: z.string(), reason: z.string() }),
]);
export type PlaceHoldResponseV1 = z.infer<typeof PlaceHoldResponseV1>;

export const ReleaseHoldRequestV1 = z.strictObject({ customerId: WalletId, callId: WalletId });
export type ReleaseHoldRequestV1 = z.infer<typeof ReleaseHoldRequestV1>;

export const ReleaseHoldResponseV1 = z.object({ releasedAmount: MoneyString });
export type ReleaseHoldResponseV1 = z.infer<typeof ReleaseHoldResponseV1>;

/** The longest settlement budget a request may give (the gateway's 60 s towards a service). */
export const MAX_SETTLEMENT_WITHIN_MS = 60_000;

/**
 * What is left of the caller's settlement budget (integer ms): the wallet waits for its reads to
 * show the batch at most that long (and at most its own 2 s bound), then answers — the caller's
 * answer is not held past its deadline by the wallet's wait. Absent: the wallet's own bound.
 */
const SettlementWithinMs = z.number().int().min(1).max(MAX_SETTLEMENT_WITHIN_MS).optional();

/**
 * The charges of the CDRs rating has just recorded (`POST …/holds/charges`), sent while the switch
 * waits so that its answer is true at once; the integration event charges the same call later and
 * moves nothing then (one charge per call, whichever comes first). Up to one CDR batch.
 */
export const CALL_CHARGES_API_PATH = `${HOLDS_API_PATH}/charges`;

export const ChargeCallsRequestV1 = z.strictObject({
  charges: z.array(z.strictObject({ customerId: WalletId, callId: WalletId, cost: MoneyString })).min(1).max(1_000),
  withinMs: SettlementWithinMs,
});
export type ChargeCallsRequestV1 = z.infer<typeof ChargeCallsRequestV1>;

/** One per charge, in order: charged, or why nothing moved (already charged, nothing to charge, refused). */
export const ChargeCallsResponseV1 = z.object({
  results: z.array(z.object({ charged: z.boolean(), reason: z.string().optional(), code: z.string().optional() })),
});
export type ChargeCallsResponseV1 = z.infer<typeof ChargeCallsResponseV1>;

/**
 * The holds of the CDRs rating has just recorded that no charge settles — unanswered and unrated
 * calls (`POST …/holds/releases`): released in one request per CDR post, as the charges are, so a
 * batch of unanswered calls is not one request each. The event releases the same hold later and
 * finds nothing (releasing is keyed by call). Up to one CDR batch.
 */
export const HOLD_RELEASES_API_PATH = `${HOLDS_API_PATH}/releases`;

export const ReleaseHoldsRequestV1 = z.strictObject({ releases: z.array(ReleaseHoldRequestV1).min(1).max(1_000), withinMs: SettlementWithinMs });
export type ReleaseHoldsRequestV1 = z.infer<typeof ReleaseHoldsRequestV1>;

/** One per release, in order: what the hold still held (0: none was open). */
export const ReleaseHoldsResponseV1 = z.object({ results: z.array(ReleaseHoldResponseV1) });
export type ReleaseHoldsResponseV1 = z.infer<typeof ReleaseHoldsResponseV1>;
