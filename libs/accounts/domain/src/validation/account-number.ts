// Account numbers: 10 digits = a 9-digit payload from a sequence + a Luhn check digit, so a
// mistyped digit or most swapped neighbours are caught before they reach a customer's account.
// The payload never starts with 0: spreadsheets strip leading zeros from the CSV agents hand out.

const PAYLOAD_OFFSET = 100_000_000n;
/** The sequence runs 0..MAX_ACCOUNT_SEQUENCE (9-digit payloads 100000000..999999999). */
export const MAX_ACCOUNT_SEQUENCE = 899_999_999n;
const ACCOUNT_NUMBER = /^[1-9][0-9]{9}$/;

/** The Luhn (mod 10) check digit of a string of digits. */
export function luhnCheckDigit(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) throw new RangeError(`luhnCheckDigit needs digits, got "${digits}"`);
  let sum = 0;
  // from the right: the digit next to the (future) check digit is doubled, then every other one.
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * The account number for a value of the service's sequence (a database sequence or counter: the
 * uniqueness comes from there; this function is pure). Distinct sequences give distinct numbers.
 */
export function nextAccountNumber(sequence: bigint | number): string {
  if (typeof sequence === 'number' && !Number.isSafeInteger(sequence)) {
    throw new RangeError(`account sequence must be a whole number, got ${sequence}`);
  }
  const value = BigInt(sequence);
  if (value < 0n || value > MAX_ACCOUNT_SEQUENCE) {
    throw new RangeError(`account sequence must be from 0 to ${MAX_ACCOUNT_SEQUENCE}, got ${value}`);
  }
  const payload = (PAYLOAD_OFFSET + value).toString();
  return payload + luhnCheckDigit(payload);
}

export function isValidAccountNumber(input: string): boolean {
  return ACCOUNT_NUMBER.test(input) && luhnCheckDigit(input.slice(0, 9)) === input.slice(9);
}
