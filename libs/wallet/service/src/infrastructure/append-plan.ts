// Decided events → the appends of one transaction: grouped by stream in decision order, each
// stream with the version it was loaded at, every event with its business-identity id.
import type { NewEvent, StreamAppend } from '@billing/event-store';
import { streamIdOf, type BatchDecision, type LedgerAccountId, type WalletCommand } from '@billing/wallet-domain';
import type { CommandUnit } from './command-unit.js';
import { eventIdsFor } from './event-ids.js';
import type { LoadedAccount } from './loaded-account.js';

export interface AppendPlan {
  readonly appends: StreamAppend[];
  /** event id → the command that decided it (to find repeats when ids are already stored). */
  readonly commandOfEvent: ReadonlyMap<string, WalletCommand>;
}

export function planAppends(units: readonly CommandUnit[], decision: BatchDecision, loaded: ReadonlyMap<LedgerAccountId, LoadedAccount>): AppendPlan {
  const eventsOf = new Map(decision.outcomes.map((outcome) => [outcome.command, 'events' in outcome ? outcome.events : []]));
  const byStream = new Map<string, { accountId: LedgerAccountId; events: NewEvent[] }>();
  const commandOfEvent = new Map<string, WalletCommand>();
  for (const unit of units) {
    unit.commands.forEach((command, index) => {
      const events = eventsOf.get(command) ?? [];
      const ids = eventIdsFor(events, `${unit.key}:${index}`, (event) => streamIdOf(event.accountId));
      events.forEach((event, at) => {
        const eventId = ids[at]!;
        const streamId = streamIdOf(event.accountId);
        const group = byStream.get(streamId) ?? { accountId: event.accountId, events: [] };
        group.events.push({ eventId, type: event.type, data: event, metadata: unit.metadata });
        byStream.set(streamId, group);
        commandOfEvent.set(eventId, command);
      });
    });
  }
  const appends = [...byStream].map(([streamId, group]): StreamAppend => {
    const version = loaded.get(group.accountId)?.version ?? -1;
    return { streamId, events: group.events, expectedVersion: version < 0 ? 'no_stream' : version };
  });
  return { appends, commandOfEvent };
}
