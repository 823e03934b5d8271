// Every bound of the accounts context in one place, so the API docs and the rules cannot drift.

export const MAX_NAME_CHARS = 100;
export const MAX_REASON_CHARS = 500;
export const MAX_ID_CHARS = 128;

export const MIN_CONCURRENT_CALLS = 1;
export const MAX_CONCURRENT_CALLS = 1000;

/** A call may be capped from one minute to one day; the switch-wide cap (docs/rating.md, 3 h) still applies. */
export const MIN_CALL_DURATION_SECONDS = 60;
export const MAX_CALL_DURATION_SECONDS = 86_400;

export const MAX_CALLER_IDS = 10;

export const MAX_FOLLOW_ME_TARGETS = 5;
export const MIN_RING_SECONDS = 5;
export const MAX_RING_SECONDS = 120;

/** ITC opens customers in batches of at least 10 (docs/API.md); 1000 keeps one atomic append sane. */
export const MIN_BATCH_CUSTOMERS = 10;
export const MAX_BATCH_CUSTOMERS = 1000;
