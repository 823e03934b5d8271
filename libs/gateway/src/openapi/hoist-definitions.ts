// zod writes a recursive schema (the JSON value of an event's `data`) with its `definitions` inline
// next to the schema, while its `$ref`s point at `#/components/schemas/<name>`, a target the
// document lacks: Swagger UI tolerated it, code generators (openapi-typescript) refuse it. Moving
// the definitions to components.schemas makes every `$ref` of the served document resolve without
// changing what any schema means.
const COMPONENT_REF = '#/components/schemas/';
/** a document holds a handful of inline definitions; far more means a walk gone wrong. */
const MAX_DEFINITIONS = 10_000;

/** Moves every inline `definitions` into `components.schemas` (in place); returns the document. */
export function hoistInlineDefinitions<T extends object>(document: T): T {
  const root = document as Record<string, unknown>;
  const components = (root['components'] ??= {}) as Record<string, unknown>;
  const schemas = (components['schemas'] ??= {}) as Record<string, unknown>;
  let hoisted = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    const definitions = object['definitions'];
    if (definitions !== null && typeof definitions === 'object' && !Array.isArray(definitions)) {
      delete object['definitions'];
      const renames = new Map<string, string>();
      for (const [name, schema] of Object.entries(definitions as Record<string, unknown>)) {
        hoisted += 1;
        if (hoisted > MAX_DEFINITIONS) throw new Error(`more than ${MAX_DEFINITIONS} inline schema definitions in the OpenAPI document`);
        // zod numbers its definitions per schema (__schema0, …): two routes may each have one of
        // that name with different content; the later one gets a free name and its refs follow.
        const free = name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(schema) ? freeName(schemas, name) : name;
        if (free !== name) renames.set(name, free);
        schemas[free] = schema;
      }
      if (renames.size > 0) {
        renameRefs(object, renames);
        for (const free of renames.values()) renameRefs(schemas[free], renames);
      }
    }
    Object.values(object).forEach(visit);
  };
  visit(root['paths']);
  return document;
}

function freeName(schemas: Record<string, unknown>, name: string): string {
  for (let suffix = 2; suffix <= MAX_DEFINITIONS; suffix += 1) {
    if (!(`${name}_${suffix}` in schemas)) return `${name}_${suffix}`;
  }
  throw new Error(`no free name for the inline schema ${name}`);
}

function renameRefs(node: unknown, renames: ReadonlyMap<string, string>): void {
  if (Array.isArray(node)) return node.forEach((item) => renameRefs(item, renames));
  if (node === null || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  const ref = object['$ref'];
  if (typeof ref === 'string' && ref.startsWith(COMPONENT_REF)) {
    const renamed = renames.get(ref.slice(COMPONENT_REF.length));
    if (renamed !== undefined) object['$ref'] = `${COMPONENT_REF}${renamed}`;
  }
  Object.values(object).forEach((value) => renameRefs(value, renames));
}
