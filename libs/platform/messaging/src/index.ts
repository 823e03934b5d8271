// @billing/messaging: integration events between services (docs/ARCHITECTURE.md, Messaging). Services use the
// IntegrationBus (createIntegrationBus) and runOnce; everything else is for the transports, tests
// and operations.
export type {
  BusHealth,
  ConsumeContext,
  ConsumeOptions,
  ConsumerHandle,
  ConsumerStatus,
  IntegrationBus,
  IntegrationHandler,
  RelayHandle,
  RelayOptions,
  RelayStatus,
} from './bus.js';
export { createIntegrationBus, parseBrokers, type CreateBusOptions } from './create-bus.js';
export { runOnce, type RunOnceResult } from './run-once.js';
export { ConsumerCatchUp, type CatchUpOptions, type CatchUpOutcome } from './catch-up.js';
export type { CheckpointStore, ConsumerStore, InboxReader, SourceStore, TransactionalInbox } from './ports.js';
export { KafkaBus, type KafkaBusOptions } from './kafka/kafka-bus.js';
export { InProcessBus, type InProcessBusOptions, type ReplayReport } from './in-process/in-process-bus.js';
export { listDeadLetters, deadLetterStream, type DeadLetter } from './in-process/dead-letters.js';
export { DLQ_HEADERS, type DeadLetterInfo } from './kafka/dead-letter.js';
export { listDlq, replayDlq, replayGroupFor, type DlqEntry } from './kafka/dlq-admin.js';
export { HEADERS, encodeEvent, decodeEvent, InvalidEnvelopeError } from './wire.js';
export { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
export { isTransientError, type TransientClassifier } from './transient.js';
export { consoleLogger, silentLogger, type MessagingLogger } from './logger.js';
export {
  COMMITTED_EVENTS_HEADER,
  collectCommittedEvents,
  CommittedEvents,
  MAX_COMMITTED_EVENTS_PER_REQUEST,
  decodeCommittedEvents,
  encodeCommittedEvents,
  recordCommittedEvents,
} from './read-your-writes/committed-events.js';
export { HandledEvents, type HandledLookup } from './read-your-writes/handled-events.js';
