// A form's own check of its required inputs (the forms are noValidate: the browser's bubble
// speaks the browser's language, not the portal's, and sits nowhere near the input's error).

/** The names among `required` whose value is empty or only spaces (null: nothing chosen). */
export function blankFields<T extends object>(values: T, required: readonly (keyof T & string)[]): Set<string> {
  return new Set(required.filter((name) => {
    const value: unknown = values[name];
    return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  }));
}
