// An integration envelope → the typed v1 event this service understands, or null for the
// (many) types it has no use for. A v1 type whose data fails its schema throws: a poison message
// for the bus to retry and dead-letter, never silently dropped.
import {
  isAccountsEventTypeV1,
  isWalletEventTypeV1,
  parseAccountsEventV1,
  parseWalletEventV1,
  type AccountsIntegrationEventV1,
  type IntegrationEvent,
} from '@billing/contracts';
import type { SourceEventV1 } from '@billing/notifications-domain';

const SUPPORTED_SCHEMA_VERSION = 1;

export function parseSourceEvent(envelope: IntegrationEvent, wanted: ReadonlySet<string>): SourceEventV1 | null {
  if (!wanted.has(envelope.type)) return null;
  if (envelope.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    throw new Error(`${envelope.type} schema version ${envelope.schemaVersion} is not understood (only ${SUPPORTED_SCHEMA_VERSION})`);
  }
  if (isWalletEventTypeV1(envelope.type)) return parseWalletEventV1(envelope.type, envelope.data);
  if (isAccountsEventTypeV1(envelope.type)) return parseAccountsEventV1(envelope.type, envelope.data);
  return null;
}

export function parseAccountsEvent(envelope: IntegrationEvent, wanted: ReadonlySet<string>): AccountsIntegrationEventV1 | null {
  const event = parseSourceEvent(envelope, wanted);
  return event !== null && event.type.startsWith('accounts.') ? (event as AccountsIntegrationEventV1) : null;
}
