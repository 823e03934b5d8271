/** The languages a customer's portal and e-mails may use (docs/API.md §5), each in its own name (the same in every page language). */
export const LANGUAGES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
  { value: 'pt-BR', label: 'Português (Brasil)' },
];

/** A language code as its own name ("pt-BR" → "Português (Brasil)"); an unknown code as it is. */
export function languageName(code: string): string {
  return LANGUAGES.find((language) => language.value === code)?.label ?? code;
}
