// Where a notification command meets the store: load the streams, decide, and commit the events,
// their read-model rows and (for a consumer) the inbox entry in one transaction. Event ids derive
// from (stream, command id), so committing the same decision twice writes nothing the second time.
import { AggregateRepository, deterministicEventId, invariant, WrongExpectedVersionError, type EventMetadata, type InboxEntry, type StreamAppend } from '@billing/event-store';
import {
  notificationDecider,
  notificationStreamId,
  type NotificationCommand,
  type NotificationEvent,
  type NotificationState,
} from '@billing/notifications-domain';
import { Inject, Injectable } from '@nestjs/common';
import { NotificationProjector } from './notification-projector.js';
import { NotificationsDatabase } from './notifications-database.js';

/** Concurrent writers of one notification are rare (two workers after a lease expired): bounded. */
const MAX_CONFLICT_RETRIES = 5;

export interface Decision {
  notificationId: string;
  command: NotificationCommand;
  /** idempotency id of the command on its stream (`request`, `attempt-3`). */
  commandId: string;
}

export interface CommitResult {
  /** the events written now ([] = nothing to do, or all of it was done before). */
  events: NotificationEvent[];
  /** the inbox entry existed: an earlier delivery of the message did all of it. */
  duplicateInbox: boolean;
}

@Injectable()
export class NotificationCommitter {
  private readonly repository: AggregateRepository<NotificationCommand, NotificationEvent, NotificationState>;
  private readonly projector: NotificationProjector;

  constructor(@Inject(NotificationsDatabase) private readonly db: NotificationsDatabase) {
    this.repository = new AggregateRepository(db.store, notificationDecider, { maxRetries: 0 });
    this.projector = new NotificationProjector(db.table('notifications'));
  }

  async load(notificationId: string): Promise<NotificationState> {
    return (await this.repository.load(notificationStreamId(notificationId))).state;
  }

  async commit(decisions: readonly Decision[], options: { metadata: EventMetadata; inbox?: InboxEntry }): Promise<CommitResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.commitOnce(decisions, options);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < MAX_CONFLICT_RETRIES) continue;
        throw error;
      }
    }
  }

  private async commitOnce(decisions: readonly Decision[], options: { metadata: EventMetadata; inbox?: InboxEntry }): Promise<CommitResult> {
    const decided: { append: StreamAppend; events: NotificationEvent[] }[] = [];
    for (const decision of decisions) {
      const streamId = notificationStreamId(decision.notificationId);
      const loaded = await this.repository.load(streamId);
      const events = notificationDecider.decide(decision.command, loaded.state);
      if (events.length === 0) continue;
      const stored = events.map((event, index) => ({ eventId: deterministicEventId(streamId, decision.commandId, index), type: event.type, data: event, metadata: options.metadata }));
      decided.push({ append: { streamId, events: stored, expectedVersion: loaded.version < 0 ? 'no_stream' : loaded.version }, events });
    }
    const { store } = this.db;
    return store.withTransaction(async (client): Promise<CommitResult> => {
      if (decided.length === 0) {
        const fresh = options.inbox === undefined || (await store.markInbox(options.inbox, client));
        return { events: [], duplicateInbox: !fresh };
      }
      const result = await store.appendInTransaction(
        client,
        decided.map((d) => d.append),
        options.inbox === undefined ? undefined : { inbox: options.inbox },
      );
      if (result.duplicateInbox) return { events: [], duplicateInbox: true };
      const written: NotificationEvent[] = [];
      decided.forEach(({ append, events }, index) => {
        const { writtenCount } = result.results[index]!;
        // 0 = this decision was committed before (same event ids): its rows are there already.
        invariant(writtenCount === 0 || writtenCount === events.length, `${append.streamId}: wrote ${writtenCount} of ${events.length} events`);
        if (writtenCount > 0) written.push(...events);
      });
      for (const event of written) await this.projector.apply(client, event);
      return { events: written, duplicateInbox: false };
    });
  }
}
