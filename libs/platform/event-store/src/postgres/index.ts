export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';
export { PostgresCheckpointStore } from './checkpoint-store.js';
export { schemaNames, type SchemaNames } from './schema-names.js';
export { COMMIT_WITHOUT_FLUSH } from './commit-without-flush.js';
