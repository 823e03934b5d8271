// The one strength rule of every password a person chooses (own change, an agent's password set by
// ITC, a login created with a chosen password). Length alone let "aaaaaaaaaa" through; the rule
// stays small and explainable — each refusal says which part failed — rather than a scoring library.
import { MIN_PASSWORD_LENGTH } from '../config/gateway-config.js';
import { MAX_PASSWORD_LENGTH } from './password-hasher.js';

/** "ababababab" has 2: too few different characters is a pattern, not a secret. */
export const MIN_DISTINCT_PASSWORD_CHARS = 5;

/** The most common passwords of 10+ characters in public breach lists (lowercased). */
const COMMON_PASSWORDS = new Set([
  'password12', 'password123', 'password1234', 'password!1', 'passw0rd123', 'p@ssw0rd123', 'qwertyuiop', 'qwerty1234', 'qwerty12345', 'qwerty123456',
  '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'zaq12wsxcde3', '1qaz2wsx3edc', 'asdfghjkl1', 'zxcvbnm123', 'iloveyou12', 'iloveyou123',
  'letmein123', 'welcome123', 'welcome1234', 'admin12345', 'administrator', 'changeme123', 'football123', 'baseball123', 'princess123', 'sunshine123',
  'superman123', 'trustno1234', 'michael123', 'monkey12345', 'dragon12345', 'master12345', 'abc123456789', 'abcd123456', 'abcd1234567', 'a1b2c3d4e5',
]);

/** Why a chosen password is refused, or undefined when it is acceptable. */
export function passwordWeakness(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return `password must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < MIN_DISTINCT_PASSWORD_CHARS) return `password must have at least ${MIN_DISTINCT_PASSWORD_CHARS} different characters (not one character or a short pattern repeated)`;
  if (isRun(lower)) return 'password must not be a simple sequence such as "0123456789" or "abcdefghij"';
  if (COMMON_PASSWORDS.has(lower)) return 'password is one of the most common passwords';
  return undefined;
}

/**
 * Every character one after (or one before) the previous: 0123456789, abcdefghij, 9876543210 — and
 * digits wrap as on a keyboard's row, so 1234567890 and 0987654321 (9 → 0) are runs too (acceptance H9:
 * "1234567890" was accepted).
 */
function isRun(text: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < text.length; i += 1) steps.add(stepOf(text[i - 1]!, text[i]!));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

function stepOf(previous: string, next: string): number {
  const step = next.charCodeAt(0) - previous.charCodeAt(0);
  const digits = /[0-9]/.test(previous) && /[0-9]/.test(next);
  if (digits && step === -9) return 1;
  if (digits && step === 9) return -1;
  return step;
}
