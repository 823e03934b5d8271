// Publishes the rating integration events (docs/ARCHITECTURE.md, Messaging, docs/rating.md §10): the event store is the
// outbox; the bus's relay reads it from its checkpoint and produces `<service>.events.v1`. Sheet
// creations, markup changes and authorizations stay internal (toIntegrationEvent answers null).
import { integrationEventFrom, type IntegrationEventMapper } from '@billing/contracts';
import type { RecordedEvent } from '@billing/event-store';
import { toIntegrationEvent, type RatingEvent } from '@billing/rating-domain';

export const ratingIntegrationMapper: IntegrationEventMapper<RecordedEvent> = (recorded) => {
  const shape = toIntegrationEvent(recorded.data as RatingEvent);
  return shape === null ? null : integrationEventFrom(recorded, shape);
};
