// Field schemas shared by the wallet's v1 contracts (internal to libs/contracts/src/wallet).
import { z } from 'zod';

/** deposit, transfer, call, agent and customer ids: opaque strings. */
export const WalletId = z.string().min(1).max(128);

export const WalletAccountKind = z.enum(['agent-main', 'agent-commission', 'customer']);

/** The two kinds that receive deposits and cross low-balance thresholds. */
export const HolderAccountKind = z.enum(['agent-main', 'customer']);

/** `agentId` is the agent of the account: the agent itself, or the customer's agent (null = ITC-direct customer). */
export const holder = {
  accountKind: HolderAccountKind,
  agentId: WalletId.nullable(),
  /** null for agent accounts. */
  customerId: WalletId.nullable(),
};

export const Instant = z.iso.datetime({ offset: true });

/** who caused it: `admin:<id>`, `agent:<id>`, `customer:<id>`, `system`. */
export const Actor = z.string().min(1).max(200);
