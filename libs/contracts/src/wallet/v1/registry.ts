// The wallet's published events, version 1: envelope `type` → data schema. Topic: wallet.events.v1,
// key = the account's stream id (wallet-agent-…, wallet-commission-…, wallet-customer-…), so one
// account's events stay in order.
import type { z } from 'zod';
import { topicFor } from '../../envelope.js';
import { BalanceChangedV1 } from './balance-changed.js';
import { CommissionAccruedV1 } from './commission-accrued.js';
import { CommissionReversedV1 } from './commission-reversed.js';
import { CommissionTransferredV1 } from './commission-transferred.js';
import { DepositReversedV1 } from './deposit-reversed.js';
import { FundsDepositedV1 } from './funds-deposited.js';
import { FundsTransferredV1 } from './funds-transferred.js';
import { CallChargedV1, HoldExpiredV1, HoldPlacedV1, HoldReleasedV1, HoldSettledV1 } from './holds.js';
import { LowBalanceCrossedV1 } from './low-balance-crossed.js';

export const WALLET_EVENTS_TOPIC = topicFor('wallet');
export const WALLET_EVENTS_SCHEMA_VERSION = 1;

export const walletEventsV1 = {
  'wallet.FundsDeposited': FundsDepositedV1,
  'wallet.DepositReversed': DepositReversedV1,
  'wallet.FundsTransferred': FundsTransferredV1,
  'wallet.BalanceChanged': BalanceChangedV1,
  'wallet.CommissionAccrued': CommissionAccruedV1,
  'wallet.CommissionReversed': CommissionReversedV1,
  'wallet.CommissionTransferred': CommissionTransferredV1,
  'wallet.HoldPlaced': HoldPlacedV1,
  'wallet.HoldSettled': HoldSettledV1,
  'wallet.CallCharged': CallChargedV1,
  'wallet.HoldReleased': HoldReleasedV1,
  'wallet.HoldExpired': HoldExpiredV1,
  'wallet.LowBalanceCrossed': LowBalanceCrossedV1,
} as const;

export type WalletEventTypeV1 = keyof typeof walletEventsV1;
export type WalletEventDataV1<T extends WalletEventTypeV1> = z.infer<(typeof walletEventsV1)[T]>;
export type WalletIntegrationEventV1 = { [T in WalletEventTypeV1]: { type: T; data: WalletEventDataV1<T> } }[WalletEventTypeV1];

export function isWalletEventTypeV1(type: string): type is WalletEventTypeV1 {
  return Object.prototype.hasOwnProperty.call(walletEventsV1, type);
}

/** Validates a consumed wallet event's data; throws (ZodError, or Error for an unknown type). */
export function parseWalletEventV1(type: string, data: unknown): WalletIntegrationEventV1 {
  if (!isWalletEventTypeV1(type)) throw new Error(`not a wallet v1 event type: "${type}"`);
  return { type, data: walletEventsV1[type].parse(data) } as WalletIntegrationEventV1;
}
