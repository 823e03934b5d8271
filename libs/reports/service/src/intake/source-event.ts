// An integration envelope → the typed v1 event reports understand, or null for the types it has
// no use for (ignored before parsing). A wanted type whose data fails its v1 schema, or an
// unknown schema version, throws: a poison message for the bus to retry and dead-letter.
import {
  isAccountsEventTypeV1,
  isRatingEventTypeV1,
  isWalletEventTypeV1,
  parseAccountsEventV1,
  parseRatingEventV1,
  parseWalletEventV1,
  type AccountsIntegrationEventV1,
  type IntegrationEvent,
  type RatingIntegrationEventV1,
  type WalletIntegrationEventV1,
} from '@billing/contracts';

export type ReportsSourceEvent = AccountsIntegrationEventV1 | WalletIntegrationEventV1 | RatingIntegrationEventV1;

/**
 * Everything else (profiles, rate sheets, portal settings …) is skipped. Holds placed, released or
 * expired feed only the live feed (calls in progress), and so do a customer's CallerIDs (approved
 * and requested).
 */
export const REPORT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'accounts.AgentRegistered',
  'accounts.AgentContactChanged',
  'accounts.CustomerOpened',
  'accounts.CustomerCallerIdsChanged',
  'accounts.CustomerCallerIdRequestsChanged',
  'wallet.FundsDeposited',
  'wallet.DepositReversed',
  'wallet.FundsTransferred',
  'wallet.BalanceChanged',
  'wallet.CommissionAccrued',
  'wallet.CommissionReversed',
  'wallet.CommissionTransferred',
  'wallet.HoldPlaced',
  'wallet.HoldSettled',
  'wallet.HoldReleased',
  'wallet.HoldExpired',
  'wallet.CallCharged',
  'wallet.LowBalanceCrossed',
  'rating.CallRated',
  'rating.CallReRated',
  'rating.CallUnrated',
  'rating.CallUnanswered',
]);

const SUPPORTED_SCHEMA_VERSION = 1;

export function parseReportsEvent(envelope: IntegrationEvent): ReportsSourceEvent | null {
  if (!REPORT_EVENT_TYPES.has(envelope.type)) return null;
  if (envelope.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    throw new Error(`${envelope.type} schema version ${envelope.schemaVersion} is not understood (only ${SUPPORTED_SCHEMA_VERSION})`);
  }
  if (isWalletEventTypeV1(envelope.type)) return parseWalletEventV1(envelope.type, envelope.data);
  if (isRatingEventTypeV1(envelope.type)) return parseRatingEventV1(envelope.type, envelope.data);
  if (isAccountsEventTypeV1(envelope.type)) return parseAccountsEventV1(envelope.type, envelope.data);
  return null;
}
