export { BalanceChangedV1 } from './balance-changed.js';
export { CommissionAccruedV1 } from './commission-accrued.js';
export { CommissionReversedV1 } from './commission-reversed.js';
export { CommissionTransferredV1 } from './commission-transferred.js';
export { DepositReversedV1 } from './deposit-reversed.js';
export { FundsDepositedV1 } from './funds-deposited.js';
export { FundsTransferredV1 } from './funds-transferred.js';
export { CallChargedV1, HoldExpiredV1, HoldPlacedV1, HoldReleasedV1, HoldSettledV1 } from './holds.js';
export { LowBalanceCrossedV1 } from './low-balance-crossed.js';
export { AGENT_FUNDS_API_PATH, ReleaseInitialBalanceResponseV1, ReserveInitialBalanceRequestV1, ReserveInitialBalanceResponseV1 } from './funds-api.js';
export {
  CALL_CHARGES_API_PATH,
  ChargeCallsRequestV1,
  ChargeCallsResponseV1,
  HOLD_RELEASES_API_PATH,
  MAX_HOLD_REQUEST_MICROS,
  MAX_SETTLEMENT_WITHIN_MS,
  HOLDS_API_PATH,
  PlaceHoldRequestV1,
  PlaceHoldResponseV1,
  ReleaseHoldRequestV1,
  ReleaseHoldResponseV1,
  ReleaseHoldsRequestV1,
  ReleaseHoldsResponseV1,
} from './holds-api.js';
export {
  isWalletEventTypeV1,
  parseWalletEventV1,
  WALLET_EVENTS_SCHEMA_VERSION,
  WALLET_EVENTS_TOPIC,
  walletEventsV1,
  type WalletEventDataV1,
  type WalletEventTypeV1,
  type WalletIntegrationEventV1,
} from './registry.js';
