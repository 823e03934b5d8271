// The API writes its sentences in English from a small set of patterns (the gateway's validation
// messages, libs/gateway/src/validation/issues.ts; the money grammar, @billing/money; a few domain
// rules). These are those patterns, so a sentence is shown in the portal's language with the
// numbers and values it carries; a sentence no pattern knows is shown as the server wrote it.
import type { TFunction } from 'i18next';
import { formatDecimal } from './number-format.js';

/** Sentences without values → the key of their text under `serverText`. */
const EXACT: Readonly<Record<string, string>> = {
  'is required': 'required',
  'unknown field': 'unknownField',
  'must be a string': 'typeString',
  'must be a number': 'typeNumber',
  'must be a whole number': 'typeWholeNumber',
  'must be true or false': 'typeBoolean',
  'must be an object': 'typeObject',
  'must be a list': 'typeList',
  'must be a date': 'typeDate',
  'has the wrong format': 'wrongFormat',
  'matches none of the accepted forms': 'noAcceptedForm',
  'is invalid': 'invalid',
  'must be an e-mail address': 'email',
  'must be a UUID': 'uuid',
  'must be a URL': 'url',
  'must be an ISO 8601 date-time with an offset (2025-03-01T10:00:00Z)': 'dateTime',
  'must be an ISO 8601 date (2025-03-01)': 'isoDate',
  'must be an ISO 8601 instant with an offset': 'instant',
  'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset': 'dateOrDateTime',
  'must be an international number (+ and 8 to 15 digits)': 'e164',
  'caller ID must be an international number: + and 8 to 15 digits': 'callerIdRule',
  'must be a decimal string like "12.50"': 'decimalString',
  'must not have leading zeros': 'leadingZeros',
  'must be greater than 0': 'positive',
  'must not be negative': 'notNegative',
  'must not contain the NUL character (U+0000)': 'nul',
  'must not start or end with spaces': 'surroundingSpaces',
  'must be after from': 'afterFrom',
  'must not be before the start': 'notBeforeStart',
  'must not be after the end': 'notAfterEnd',
  'invalid cursor': 'invalidCursor',
  'password is one of the most common passwords': 'passwordCommon',
  'a prepaid account has no credit limit': 'prepaidNoCreditLimit',
  'a postpaid account needs a credit limit': 'postpaidNeedsCreditLimit',
};

/** Sentences with values: the named groups are the text's interpolations (in this order: the first match wins). */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^must be at least (?<n>\d+) characters? long$/, 'charsAtLeast'],
  [/^must be at most (?<n>\d+) characters? long$/, 'charsAtMost'],
  [/^must have at least (?<n>\d+) items?$/, 'itemsAtLeast'],
  [/^must have at most (?<n>\d+) items?$/, 'itemsAtMost'],
  [/^must be at most (?<n>\d+) days after from$/, 'daysAfterFrom'],
  [/^must be greater than (?<n>-?[\d.]+)$/, 'greaterThan'],
  [/^must be less than (?<n>-?[\d.]+)$/, 'lessThan'],
  [/^must be at least (?<n>-?[\d.]+)$/, 'atLeast'],
  [/^must be at most (?<n>-?[\d.]+)$/, 'atMost'],
  [/^must not exceed (?<n>-?[\d.]+)$/, 'notExceed'],
  [/^must be a multiple of (?<n>-?[\d.]+)$/, 'multipleOf'],
  [/^must have at most (?<n>\d+) integer digits$/, 'integerDigits'],
  [/^must have at most (?<n>\d+) decimal places$/, 'decimalPlaces'],
  [/^must be between (?<min>-?[\d.]+) and (?<max>-?[\d.]+)$/, 'between'],
  [/^must be a whole number from (?<min>-?\d+) to (?<max>-?\d+)$/, 'wholeNumberRange'],
  [/^must be a whole number of seconds from (?<min>\d+) to (?<max>\d+)$/, 'secondsRange'],
  [/^must be 1 to (?<n>\d+) characters without surrounding spaces$/, 'trimmedLength'],
  [/^must be 1 to (?<n>\d+) characters$/, 'length'],
  [/^must be 1 to (?<n>\d+) digits$/, 'digits'],
  [/^must be one of (?<values>.+)$/, 'oneOf'],
  [/^must be (?<value>"[^"]*")$/, 'exactly'],
  [/^password must be (?<min>\d+)–(?<max>\d+) characters$/, 'passwordLength'],
  [/^password must have at least (?<n>\d+) different characters\b.*$/, 'passwordDistinct'],
  [/^password must not be a simple sequence\b.*$/, 'passwordSequence'],
  [/^a generated password must be at least (?<n>\d+) characters$/, 'passwordGenerated'],
  [/^credit limit (?<limit>[\d.]+) is above the (?<maximum>[\d.]+) ITC allows this agent to grant a customer$/, 'creditLimitAboveMaximum'],
  [/^credit limit (?<limit>[\d.]+) is above the (?<available>[\d.]+) left of the (?<maximum>[\d.]+) ITC allows this agent's open postpaid customers together$/, 'creditTotalExceeded'],
  [/^insufficient \w+ balance: (?<available>-?[\d.]+) available$/, 'insufficientBalance'],
  [/^no rate for (?<number>\d+) in this sheet$/, 'noRateFor'],
];

/** The description of the value the server got, which many sentences end with (`, got "sixty"`). */
const GOT = /^(?<sentence>.+?), got (?<got>.+)$/s;
/** Values that are amounts or counts: written with the language's marks. */
const NUMERIC = new Set(['n', 'min', 'max', 'limit', 'maximum', 'available']);

/**
 * A server sentence in the portal's language (`t` of the `ui` namespace), or null when no pattern
 * knows it. Several sentences joined by "; " are translated one by one (all or nothing). In
 * English, the server's language, the sentence is kept exactly as written (null).
 */
export function translateServerText(message: string, t: TFunction, locale: string): string | null {
  if (locale.toLowerCase().startsWith('en')) return null;
  const parts = message.split('; ');
  const translated = parts.map((part) => translateOne(part, t, locale));
  return translated.every((part) => part !== null) ? translated.join('; ') : null;
}

function translateOne(message: string, t: TFunction, locale: string): string | null {
  const whole = translateSentence(message, t, locale);
  if (whole !== null) return whole;
  const got = GOT.exec(message);
  if (got === null) return null;
  const sentence = translateSentence(got.groups!['sentence']!, t, locale);
  return sentence === null ? null : t('serverText.got', { sentence, got: got.groups!['got'], interpolation: { escapeValue: false } });
}

function translateSentence(sentence: string, t: TFunction, locale: string): string | null {
  const exact = EXACT[sentence];
  if (exact !== undefined) return t(`serverText.${exact}`);
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(sentence);
    if (match === null) continue;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) values[name] = NUMERIC.has(name) ? formatDecimal(value, locale) : value;
    return t(`serverText.${key}`, { ...values, interpolation: { escapeValue: false } });
  }
  return null;
}

/** Every key a pattern may produce (for the test that each has a text in every language). */
export const SERVER_TEXT_KEYS: readonly string[] = [...Object.values(EXACT), ...PATTERNS.map(([, key]) => key), 'got'];
