export { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store.js';
export { SNAPSHOT_EVENT_TYPE } from './snapshots.js';
