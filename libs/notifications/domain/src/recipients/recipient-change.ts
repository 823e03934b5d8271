// accounts.events.v1 → the recipients projection. Pure: the service applies the change in SQL
// in the same transaction as the consumer's inbox entry.
import type { AccountsIntegrationEventV1 } from '@billing/contracts';
import { DEFAULT_LANGUAGE } from '../shared/language.js';
import type { Holder } from '../shared/holder.js';
import type { Recipient } from './recipient.js';

export type RecipientFields = Partial<Pick<Recipient, 'email' | 'language' | 'lowBalanceEmailEnabled' | 'name'>>;

export type RecipientChange =
  /** the holder exists: insert, or overwrite on a redelivery. */
  | { type: 'upsert'; recipient: Recipient }
  /** a later change: the holder's row must exist (its events are ordered by aggregate key). */
  | { type: 'update'; holder: Holder; fields: RecipientFields };

export function recipientChangeOf(event: AccountsIntegrationEventV1): RecipientChange | null {
  switch (event.type) {
    case 'accounts.AgentRegistered': {
      const { agentId, name, contactEmail } = event.data;
      return {
        type: 'upsert',
        recipient: { holder: { kind: 'agent', id: agentId }, email: contactEmail, language: DEFAULT_LANGUAGE, lowBalanceEmailEnabled: true, name, accountNumber: null, agentId: null },
      };
    }
    case 'accounts.AgentContactChanged':
      return { type: 'update', holder: { kind: 'agent', id: event.data.agentId }, fields: { name: event.data.name, email: event.data.contactEmail } };
    case 'accounts.CustomerOpened': {
      const d = event.data;
      return {
        type: 'upsert',
        recipient: {
          holder: { kind: 'customer', id: d.customerId },
          email: d.contactEmail,
          language: d.language,
          lowBalanceEmailEnabled: d.lowBalanceEmailEnabled,
          name: null,
          accountNumber: d.accountNumber,
          agentId: d.agentId,
        },
      };
    }
    case 'accounts.CustomerSettingsChanged': {
      const d = event.data;
      return { type: 'update', holder: { kind: 'customer', id: d.customerId }, fields: { email: d.contactEmail, language: d.language, lowBalanceEmailEnabled: d.lowBalanceEmailEnabled } };
    }
    default:
      return null;
  }
}

/** The accounts events the projection reads; the rest of the topic is skipped unparsed. */
export const RECIPIENT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'accounts.AgentRegistered',
  'accounts.AgentContactChanged',
  'accounts.CustomerOpened',
  'accounts.CustomerSettingsChanged',
]);
