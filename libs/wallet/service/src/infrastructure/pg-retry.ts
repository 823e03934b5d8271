// PostgreSQL failures worth deciding again: a deadlock or serialization failure, or an event id
// that a concurrent transaction committed first (the next attempt finds it stored).
const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';
const UNIQUE_VIOLATION = '23505';
const EVENT_ID_CONSTRAINT = 'events_event_id_unique';

export function isRetryablePgError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code === DEADLOCK || code === SERIALIZATION_FAILURE) return true;
  return code === UNIQUE_VIOLATION && constraint === EVENT_ID_CONSTRAINT;
}
