// Where a path of a request part leads in its zod schema, under the wrappers (`.optional()`,
// `.default()`, a pipe): to word an error by what the schema states (a number's bounds, a body
// that must be an object). zod's issues do not carry it when a value fails its type.

export type SchemaDef = { type: string; [key: string]: unknown };

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);
const CONTAINERS = ['object', 'array', 'record', 'tuple', 'number'];

export function defOf(node: unknown): SchemaDef | undefined {
  return (node as { _zod?: { def?: SchemaDef } } | null | undefined)?._zod?.def;
}

function unwrap(node: unknown): unknown {
  for (let depth = 0; depth < 20; depth += 1) {
    const def = defOf(node);
    if (def === undefined) return undefined;
    if (WRAPPERS.has(def.type)) node = def.innerType;
    // a pipe checks its input first (an object then transformed), else its output (text → number)
    else if (def.type === 'pipe') node = CONTAINERS.includes(defOf(unwrap(def.in))?.type ?? '') ? def.in : def.out;
    else return node;
  }
  return undefined;
}

/** The definition a path leads to, or undefined where it cannot be told (a union picks per value). */
export function defAt(schema: unknown, path: readonly PropertyKey[]): SchemaDef | undefined {
  let node = unwrap(schema);
  for (const segment of path) {
    const def = defOf(node);
    if (def === undefined) return undefined;
    if (def.type === 'object') node = (def.shape as Record<PropertyKey, unknown>)[segment];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'record') node = def.valueType;
    else if (def.type === 'tuple') node = (def.items as unknown[])[Number(segment)];
    else return undefined;
    node = unwrap(node);
  }
  return defOf(node);
}
