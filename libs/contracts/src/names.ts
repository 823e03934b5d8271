// Names that must be distinct (an owner's rate sheets, an owner's customer profiles): pickers list
// them by name, so two that look the same are the same. One rule for rating and accounts
// (docs/API.md §1, Names): a name is stored and shown in its normal form — Unicode NFC, every run of
// whitespace (a no-break space, any other space separator, a tab or line break) one space,
// trimmed — and a name holding an invisible character (a control or format character: a zero-width
// space, a BOM, a bidi control) is refused, as it would show like another. Two names are the same
// when their normal forms are equal in any case. Pure, no framework.

const WHITESPACE_RUN = /\p{White_Space}+/gu;
/** Control (Cc), format (Cf) and lone surrogates (Cs): not seen, or not text. Whitespace is replaced first. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
/** After the runs became one space: the one at either end (not String#trim, which also takes a BOM). */
const OUTER_SPACE = /^ | $/g;

/** `input` in its normal form (may be empty: the caller bounds the length), or null when it holds an invisible character. */
export function normaliseDistinctName(input: string): string | null {
  const spaced = input.normalize('NFC').replace(WHITESPACE_RUN, ' ').replace(OUTER_SPACE, '');
  return INVISIBLE.test(spaced) ? null : spaced;
}

/**
 * What names are compared by: equal keys look alike. A name stored before this rule (with odd
 * spacing or an invisible character) gets the key of what it shows, so a new name cannot pass it.
 */
export function distinctNameKey(name: string): string {
  return name.normalize('NFC').replace(WHITESPACE_RUN, ' ').replace(INVISIBLE_ALL, '').replace(WHITESPACE_RUN, ' ').replace(OUTER_SPACE, '').toLowerCase();
}

export function sameDistinctName(a: string, b: string): boolean {
  return distinctNameKey(a) === distinctNameKey(b);
}
