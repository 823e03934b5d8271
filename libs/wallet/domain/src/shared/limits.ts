// Every bound of the wallet domain in one place.

/** ids (deposit, transfer, call, holder) and references; the same bound as the accounts context. */
export const MAX_ID_CHARS = 128;
