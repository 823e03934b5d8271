// A problem's field errors as a form shows them: errors about a list's items (`premiumPrefixes.0`)
// go next to the list's one input, and an error is dropped once its field was edited (it spoke of
// a value no longer there).

/** `fields` with every `list.N…` key merged into `list` for each name in `lists`. */
export function mergeListErrors(fields: Readonly<Record<string, string>>, lists: readonly string[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const list = lists.find((name) => key.startsWith(`${name}.`));
    const field = list ?? key;
    merged[field] = merged[field] === undefined ? message : `${merged[field]}; ${message}`;
  }
  return merged;
}

/** `fields` without those edited since the problem came. */
export function withoutEdited(fields: Readonly<Record<string, string>>, edited: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !edited.has(key)));
}
