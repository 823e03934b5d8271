// `?search=`: a case-insensitive "contains" over a list's text columns, as one ILIKE pattern in
// which the user's % _ and \ match themselves (they are not wildcards).
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
