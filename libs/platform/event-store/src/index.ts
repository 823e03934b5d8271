export * from './port.js';
export * from './decider/index.js';
export * from './json-codec.js';
export * from './limits.js';
export { deterministicEventId, EVENT_ID_NAMESPACE, isUuid, uuidV5 } from './uuid.js';
export { checkExpectedVersion, StreamTooLongError, UnsupportedByAdapterError } from './validation.js';
export * from './aggregate/index.js';
// Adapters. Both import their drivers as types only (EventStoreDB's client loads on connect()),
// so importing this package pulls in neither pg nor gRPC.
export * from './postgres/index.js';
export * from './eventstoredb/index.js';
