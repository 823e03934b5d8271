// Phone numbers (CallerIDs, FollowMe destinations) are stored in E.164: "+", a country code that
// never starts with 0, at most 15 digits in all. We require at least 8 digits: shorter numbers
// are short codes or typos, and would present a meaningless CallerID.

const E164 = /^\+[1-9][0-9]{7,14}$/;
/** Enough for "+44 (0)20-7946-0958"-style input with spaces; longer input is not a phone number. */
const MAX_INPUT_CHARS = 32;
const SEPARATORS = /[\s().-]/g;

/**
 * `"+44 20 7946 0958"`, `"0044-20-7946-0958"` → `"+442079460958"`; null when it is not an
 * international number. National numbers ("020 7946 0958") are refused, not guessed: the country
 * is unknown. Idempotent: normaliseE164(normaliseE164(x)) === normaliseE164(x).
 */
export function normaliseE164(input: string): string | null {
  if (input.length > MAX_INPUT_CHARS) return null;
  const compact = input.replace(SEPARATORS, '');
  // "00" is the international call prefix in most of the world: 0044… is +44….
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return E164.test(international) ? international : null;
}

/** Already in canonical E.164 (what normaliseE164 returns). */
export function isE164(input: string): boolean {
  return E164.test(input);
}
