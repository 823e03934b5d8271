// How a decider's events are stored. Default: a domain event is a plain object with a string
// `type`; it is stored whole as the event data (bigints through the JSON codec) and read back
// as it was. A context whose events need another shape passes its own codec.
import type { RecordedEvent } from '../port.js';

export interface DomainEventCodec<Event> {
  toStored(event: Event): { type: string; data: unknown };
  fromStored(recorded: RecordedEvent): Event;
}

function assertTyped(value: unknown, where: string): asserts value is { type: string } {
  if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') {
    throw new Error(`${where}: a domain event must be an object with a string "type" (or pass an eventCodec)`);
  }
}

export function typedEventCodec<Event>(): DomainEventCodec<Event> {
  return {
    toStored(event) {
      assertTyped(event, 'append');
      return { type: event.type, data: event };
    },
    fromStored(recorded) {
      assertTyped(recorded.data, `stream ${recorded.streamId}@${recorded.streamVersion}`);
      if (recorded.data.type !== recorded.type) {
        throw new Error(`stream ${recorded.streamId}@${recorded.streamVersion}: stored type ${recorded.type} != data.type ${recorded.data.type}`);
      }
      return recorded.data as Event;
    },
  };
}
