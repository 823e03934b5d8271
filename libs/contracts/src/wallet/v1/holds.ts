// Holds and call charges of a customer account (docs/rating.md authorization).
import { z } from 'zod';
import { MoneyString, NonNegativeMoneyString, PositiveMoneyString } from '../../money.js';
import { Instant, WalletId } from './wire.js';

const call = { customerId: WalletId, agentId: WalletId.nullable(), callId: WalletId };

export const HoldPlacedV1 = z.object({ ...call, requested: PositiveMoneyString, granted: PositiveMoneyString, expiresAt: Instant });
export type HoldPlacedV1 = z.infer<typeof HoldPlacedV1>;

/** The call's real cost, charged in full even above the hold; the rest of the hold is released. */
export const HoldSettledV1 = z.object({ ...call, held: PositiveMoneyString, cost: NonNegativeMoneyString, balanceAfter: MoneyString });
export type HoldSettledV1 = z.infer<typeof HoldSettledV1>;

/** A call charged without an open hold (no authorization, or its hold had expired). */
export const CallChargedV1 = z.object({ ...call, cost: PositiveMoneyString, balanceAfter: MoneyString });
export type CallChargedV1 = z.infer<typeof CallChargedV1>;

export const HoldReleasedV1 = z.object({ ...call, held: PositiveMoneyString });
export type HoldReleasedV1 = z.infer<typeof HoldReleasedV1>;

export const HoldExpiredV1 = z.object({ ...call, held: PositiveMoneyString, expiresAt: Instant });
export type HoldExpiredV1 = z.infer<typeof HoldExpiredV1>;
