// A whole number typed into a form, checked against its range without changing it: Mantine's
// NumberInput clamps on blur by default (9 became 10 and opened an extra customer), so the inputs
// keep what was typed and the form refuses to send it.

/** What a NumberInput answers: a number, or the text while it is empty or not yet a number. */
export type TypedNumber = number | string;

/** null when `value` is a whole number within [min, max]; else why not. */
export function wholeNumberProblem(value: TypedNumber, min: number, max: number): 'required' | 'range' | null {
  if (typeof value === 'string' && value.trim() === '') return 'required';
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < min || number > max) return 'range';
  return null;
}

/** The value to send: the number itself (call only after wholeNumberProblem said null). */
export function wholeNumber(value: TypedNumber): number {
  return typeof value === 'number' ? value : Number(value);
}
