// What the service appends: the decided events grouped by stream, in decision order. Every group
// goes into ONE atomic appendMulti, each stream with the version it was loaded at.
import { streamIdOf } from '../accounts/account-id.js';
import type { WalletEvent } from '../events.js';

export interface StreamEvents {
  readonly streamId: string;
  readonly events: readonly WalletEvent[];
}

export function eventsByStream(events: readonly WalletEvent[]): StreamEvents[] {
  const byStream = new Map<string, WalletEvent[]>();
  for (const event of events) {
    const streamId = streamIdOf(event.accountId);
    const group = byStream.get(streamId);
    if (group === undefined) byStream.set(streamId, [event]);
    else group.push(event);
  }
  return [...byStream].map(([streamId, grouped]) => ({ streamId, events: grouped }));
}
