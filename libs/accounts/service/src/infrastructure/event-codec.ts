// How accounts events are stored: the domain codec writes bigints as integer strings (see
// @billing/accounts-domain), and the type lives in the store's own column.
import { decodeAccountsEvent, encodeAccountsEvent, type AccountsEvent } from '@billing/accounts-domain';
import type { DomainEventCodec, RecordedEvent } from '@billing/event-store';

export const accountsEventCodec: DomainEventCodec<AccountsEvent> = {
  toStored: (event) => encodeAccountsEvent(event),
  fromStored: (recorded: RecordedEvent) => decodeAccountsEvent(recorded.type, recorded.data),
};
