// The portal's generated API types must describe the routes as they are: a route or decorator
// changed without `npm run portal:client` fails here (the portal would compile against a stale API).
import { readFile } from 'node:fs/promises';
import { portalSchemaSource, SCHEMA_FILE, standaloneOpenApiDocument } from './schema-source.js';

function firstDifference(committed: string, current: string): string {
  const a = committed.split('\n');
  const b = current.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `first difference at line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  current:   ${b[at] ?? '(end of file)'}`;
}

it('libs/portal/api-client/src/schema.d.ts is the current OpenAPI document (run `npm run portal:client` when this fails)', async () => {
  const [committed, current] = await Promise.all([readFile(SCHEMA_FILE, 'utf8'), portalSchemaSource()]);
  if (committed !== current) {
    throw new Error(`libs/portal/api-client/src/schema.d.ts is stale: the API changed since it was generated. Run \`npm run portal:client\` and commit the result.\n${firstDifference(committed, current)}`);
  }
});

it('every $ref of the served OpenAPI document resolves (generators refuse a dangling one)', async () => {
  const document = await standaloneOpenApiDocument();
  const schemas = ((document['components'] as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {});
  const refs = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const ref = (node as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string') refs.add(ref);
    Object.values(node).forEach(visit);
  };
  visit(document);
  const dangling = [...refs].filter((ref) => !ref.startsWith('#/components/schemas/') || !(ref.slice('#/components/schemas/'.length) in schemas));
  expect(dangling).toEqual([]);
  expect(JSON.stringify(document)).not.toContain('"definitions"');
});
