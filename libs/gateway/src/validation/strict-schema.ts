// Unknown fields are refused (docs/API.md): every object a request schema accepts must be strict.
// Checked when the controller class is decorated, so a loose schema fails at start, not in prod.
import type { z } from 'zod';

type AnyDef = { type: string; [key: string]: unknown };

/** Throws if any object reachable in `schema` accepts unknown keys (z.object instead of z.strictObject). */
export function assertStrictSchema(schema: z.ZodType, where = 'schema'): void {
  const seen = new Set<unknown>();
  const visit = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: AnyDef } })._zod?.def;
    if (def === undefined) return;
    switch (def.type) {
      case 'object': {
        const catchall = (def.catchall as { _zod?: { def?: AnyDef } } | undefined)?._zod?.def?.type;
        if (catchall !== 'never') {
          throw new Error(`${where}${path || ' (root)'}: use z.strictObject (or .strict()): unknown fields must be refused`);
        }
        for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) visit(child, `${path}.${key}`);
        return;
      }
      case 'array':
        return visit(def.element, `${path}[]`);
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        return visit(def.innerType, path);
      case 'pipe':
        return visit(def.in, path);
      case 'union':
        (def.options as unknown[]).forEach((option, i) => visit(option, `${path}|${i}`));
        return;
      case 'intersection':
        throw new Error(`${where}${path || ' (root)'}: intersections of strict objects refuse each other's fields; use .extend()`);
      case 'record':
        return visit(def.valueType, `${path}{}`);
      case 'tuple':
        (def.items as unknown[]).forEach((item, i) => visit(item, `${path}[${i}]`));
        return;
      default:
        return;
    }
  };
  visit(schema, '');
}
