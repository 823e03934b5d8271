// Field schemas shared by the accounts v1 contracts (internal to libs/contracts/src/accounts).
// Money and percentages come from ../../money.js: one decimal grammar for every context.
import { z } from 'zod';

export { NonNegativeMoneyString, PercentString } from '../../money.js';

/** agent, customer, profile, batch and rate-sheet ids: opaque strings. */
export const AccountsId = z.string().min(1).max(128);

export const Instant = z.iso.datetime({ offset: true });

/** who made the change: `admin:<id>`, `agent:<id>`, `customer:<id>`, `system` (audit trail). */
export const Actor = z.string().min(1).max(200);

/** The audit fields every accounts event carries. */
export const audited = { actor: Actor, occurredAt: Instant };

export const E164 = z.string().regex(/^\+[1-9][0-9]{7,14}$/, 'must be an E.164 number such as "+442079460958"');
/** 10 digits, the last a Luhn check digit. */
export const AccountNumber = z.string().regex(/^[1-9][0-9]{9}$/, 'must be a 10-digit account number');
export const Language = z.string().regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/, 'must be a language tag such as "en" or "pt-BR"');
export const Email = z.string().min(3).max(254);
export const Reason = z.string().max(500).nullable();
export const Name = z.string().min(1).max(100);

export const BillingType = z.enum(['prepaid', 'postpaid']);
/** Who pays a new customer's initial balance: the agent's main balance, or ITC (a manual deposit). */
export const InitialBalanceSource = z.enum(['agent', 'operator']);
