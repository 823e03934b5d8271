// Bodies that may be left out entirely (`{amount?}`, "all if absent"): a request without a body
// validates as `{}`. Kept by schema, so the pipe (which sees only the schema) can tell; a schema
// marked here is optional wherever it is used.
const optionalBodySchemas = new WeakSet<object>();

export function markOptionalBody(schema: object): void {
  optionalBodySchemas.add(schema);
}

export function isOptionalBody(schema: object): boolean {
  return optionalBodySchemas.has(schema);
}
