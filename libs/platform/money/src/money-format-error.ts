// The user-facing error for a malformed decimal on the wire; the gateway maps it to a 400.

export class MoneyFormatError extends Error {
  /**
   * @param reason what is wrong, without the field name (`must be a decimal string …`), so a
   *   validator that reports the field as a path (zod) can show it without repeating the field.
   * @param field the input's name; the message is `${field} ${reason}`.
   */
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(field === undefined ? reason : `${field} ${reason}`);
    this.name = 'MoneyFormatError';
  }
}

const MAX_SHOWN_CHARS = 32;

/** How a rejected input is shown in a message: its type for non-strings, a quoted excerpt for strings. */
export function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    // JSON quoting makes stray whitespace and control characters visible (`" 1"`, `"1\t"`).
    const shown = input.length > MAX_SHOWN_CHARS ? `${input.slice(0, MAX_SHOWN_CHARS)}…` : input;
    return JSON.stringify(shown);
  }
  if (input === null) return 'null';
  if (input === undefined) return 'undefined';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') {
    return `${typeof input} ${String(input)}`;
  }
  return typeof input;
}
