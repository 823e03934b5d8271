// Reading node-postgres errors: SQLSTATE codes and constraint names we map to typed outcomes.

export const SQLSTATE = {
  UNIQUE_VIOLATION: '23505',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

/** Constraint names created by the migration (kept stable: the error mapping depends on them). */
export const CONSTRAINT = {
  EVENT_ID: 'events_event_id_unique',
  STREAM_VERSION: 'events_stream_version_unique',
} as const;

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
}

export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as PgLikeError).code;
  return typeof code === 'string' ? code : undefined;
}

export function violatedConstraint(error: unknown): string | undefined {
  if (sqlState(error) !== SQLSTATE.UNIQUE_VIOLATION) return undefined;
  const constraint = (error as PgLikeError).constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/**
 * Worth re-running the whole append (statement or transaction): a deadlock/serialization failure,
 * or an event id that a concurrent transaction on another stream committed first (the re-run sees
 * it and skips it).
 */
export function isRetryableAppendError(error: unknown): boolean {
  const code = sqlState(error);
  if (code === SQLSTATE.SERIALIZATION_FAILURE || code === SQLSTATE.DEADLOCK_DETECTED) return true;
  return violatedConstraint(error) === CONSTRAINT.EVENT_ID;
}
