export {
  AggregateRepository,
  handle,
  MAX_COMMAND_RETRIES,
  type AggregateOptions,
  type CommandOptions,
  type HandleOptions,
  type HandleResult,
  type LoadedAggregate,
  type SnapshotCodec,
} from './aggregate-repository.js';
export { typedEventCodec, type DomainEventCodec } from './domain-event-codec.js';
