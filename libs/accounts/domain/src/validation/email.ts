// Pragmatic e-mail check: what a mail server will plausibly accept, not all of RFC 5322
// (quoted local parts and IP literals are legal and never seen from real customers).

const MAX_EMAIL_CHARS = 254; // RFC 5321 path limit minus the angle brackets
const MAX_LOCAL_PART_CHARS = 64;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// labels of 1..63 letters/digits/dashes, not starting or ending with a dash; a letters-only TLD.
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * Trimmed address with the domain lower-cased (domains are case-insensitive; local parts are
 * kept as typed, RFC 5321 leaves them to the receiving server), or null when it is not an address.
 */
export function normaliseEmail(input: string): string | null {
  const trimmed = input.trim();
  // bound first: the patterns below never see unbounded input.
  if (trimmed.length > MAX_EMAIL_CHARS) return null;
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return null;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1);
  if (local.length > MAX_LOCAL_PART_CHARS || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) return null;
  return `${local}@${domain.toLowerCase()}`;
}

export function isValidEmail(input: string): boolean {
  return normaliseEmail(input) !== null;
}
