// Names that must be distinct (an owner's rate sheets, an owner's customer profiles): pickers list
// them by name, so two that look the same are the same. One rule for rating and accounts
// (docs/API.md §1, Names): a name is stored and shown in its normal form — Unicode NFC, every run of
// whitespace (a no-break space, any other space separator, a tab or line break) one space,
// trimmed — and a name holding an invisible character (a control or format character: a zero-width
// space, a BOM, a bidi control; or any other default-ignorable one: a variation selector, a
// combining grapheme joiner, a Hangul filler) is refused, as it would show like another. Two names
// are the same when their keys are equal: the normal form under compatibility (NFKC: a fullwidth
// 'ＩＴＣ' is 'ITC') and full case folding ('STRASSE' is 'straße'). Pure, no framework.

/**
 * The most characters a name may have as sent, before its normal form: only bounds the work (400
 * validation above it). The limit a name is held to (100) is on its normal form, the domain's check,
 * so spaces a caller sends do not change the answer.
 */
export const MAX_NAME_INPUT_CHARS = 400;

const WHITESPACE_RUN = /\p{White_Space}+/gu;
/**
 * Control (Cc), format (Cf), lone surrogates (Cs), and what Unicode says renders as nothing
 * (Default_Ignorable_Code_Point: U+FE0F, U+034F, U+180B–U+180F, U+3164, U+115F/U+1160, U+FFA0, …).
 * Whitespace is replaced first.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;
/** After the runs became one space: the one at either end (not String#trim, which also takes a BOM). */
const OUTER_SPACE = /^ | $/g;

/** `input` in its normal form (may be empty: the caller bounds the length), or null when it holds an invisible character. */
export function normaliseDistinctName(input: string): string | null {
  const spaced = input.normalize('NFC').replace(WHITESPACE_RUN, ' ').replace(OUTER_SPACE, '');
  return INVISIBLE.test(spaced) ? null : spaced;
}

/**
 * What names are compared by (and one owner's name locks keyed by): equal keys look alike. Computed
 * whenever names are compared — no key is stored — so a name stored before this rule (with odd
 * spacing or an invisible character) gets the key of what it shows, and a new name cannot pass it.
 * JS has no case folding: lower, upper, then lower case is full folding for the letters that matter
 * ('ß' and 'ẞ' → 'ss' — upper first would keep 'ẞ' a 'ß'; 'İ' → 'i̇', which is not 'i': it shows a
 * dot more), and NFKC again after it, as casing can leave a string unnormalised.
 */
export function distinctNameKey(name: string): string {
  const shown = name.normalize('NFKC').replace(WHITESPACE_RUN, ' ').replace(INVISIBLE_ALL, '').replace(WHITESPACE_RUN, ' ').replace(OUTER_SPACE, '');
  return shown.toLowerCase().toUpperCase().toLowerCase().normalize('NFKC');
}

export function sameDistinctName(a: string, b: string): boolean {
  return distinctNameKey(a) === distinctNameKey(b);
}
