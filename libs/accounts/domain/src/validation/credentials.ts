// Shapes of the identifiers people and switches log in with. Uniqueness is the service's job
// (a unique index); these only say what a well-formed one looks like.

/** SIP user part: lowercase so that a switch's case-sensitive lookup finds what we stored. */
const SIP_USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
/** HA1 = md5(user:realm:password) in lowercase hex, computed outside the domain. */
const SIP_HA1 = /^[0-9a-f]{32}$/;
/** Portal logins: case-insensitive, so stored lower-cased; e-mail-like names are allowed. */
const USERNAME = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

export function isSipUsername(input: string): boolean {
  return SIP_USERNAME.test(input);
}

export function isSipHa1(input: string): boolean {
  return SIP_HA1.test(input);
}

/** Trimmed, lower-cased portal username, or null when malformed. Use it before any uniqueness check. */
export function normaliseUsername(input: string): string | null {
  const candidate = input.trim().toLowerCase();
  return USERNAME.test(candidate) ? candidate : null;
}
