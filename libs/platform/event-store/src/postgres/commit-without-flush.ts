// A select-list expression that makes the statement's own (implicit) transaction commit without
// waiting for the WAL flush: set_config(…, true) lasts until that transaction ends, and commit reads
// synchronous_commit then. Only for writes whose loss in a crash is harmless or covered because a
// durable commit follows and its flush carries theirs with it (each use says which).
export const COMMIT_WITHOUT_FLUSH = `set_config('synchronous_commit', 'off', true)`;
