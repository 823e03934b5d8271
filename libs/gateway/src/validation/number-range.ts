// What a request schema states about the number at one path (`/limit`): whole or not, and the
// bounds the route chose — so an error for `limit=abc` or `limit=1.5` can name "from 1 to 500"
// (zod stops at the type and reports no bound). zod's implicit ±(2^53 − 1) of `.int()` is no
// stated bound: it is not what the route means, so it is never named.
import { defAt, defOf } from './schema-at.js';

type Bound = { value: number; inclusive: boolean };

export interface NumberRange {
  readonly int: boolean;
  readonly min?: Bound;
  readonly max?: Bound;
}

type CheckDef = { check?: string; format?: string; value?: unknown; inclusive?: boolean };

/** The range of the number schema at `path`, or undefined when no number is there. */
export function numberRangeAt(schema: unknown, path: readonly PropertyKey[]): NumberRange | undefined {
  const def = defAt(schema, path);
  if (def?.type !== 'number') return undefined;
  let int = false;
  let min: Bound | undefined;
  let max: Bound | undefined;
  for (const check of (def.checks as unknown[] | undefined) ?? []) {
    const c = (defOf(check) ?? {}) as CheckDef;
    if (c.check === 'number_format' && /int/.test(c.format ?? '')) int = true;
    if (typeof c.value !== 'number') continue;
    const bound = { value: c.value, inclusive: c.inclusive !== false };
    if (c.check === 'greater_than' && (min === undefined || bound.value >= min.value)) min = bound;
    if (c.check === 'less_than' && (max === undefined || bound.value <= max.value)) max = bound;
  }
  return { int, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** "must be a whole number from 1 to 500", "must be a number, greater than 0", "must be a whole number". */
export function rangeSentence(range: NumberRange): string {
  const kind = range.int ? 'a whole number' : 'a number';
  const { min, max } = range;
  if (min?.inclusive === true && max?.inclusive === true) return `must be ${kind} from ${min.value} to ${max.value}`;
  const parts = [
    ...(min === undefined ? [] : [`${min.inclusive ? 'at least' : 'greater than'} ${min.value}`]),
    ...(max === undefined ? [] : [`${max.inclusive ? 'at most' : 'less than'} ${max.value}`]),
  ];
  return parts.length === 0 ? `must be ${kind}` : `must be ${kind}, ${parts.join(' and ')}`;
}
