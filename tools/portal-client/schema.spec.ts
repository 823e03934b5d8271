// The portal's generated API types must describe the routes as they are: a route or decorator
// changed without `npm run portal:client` fails here (the portal would compile against a stale API).
import { readFile } from 'node:fs/promises';
import { portalSchemaSource, SCHEMA_FILE, withHoistedDefinitions } from './schema-source.js';

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

it('moves inline definitions to components.schemas so that every $ref resolves', () => {
  const recursive = { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/__schema0' } }] };
  const document = { paths: { '/x': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'object', additionalProperties: { $ref: '#/components/schemas/__schema0' }, definitions: { __schema0: recursive } } } } } } } } } };
  const hoisted = withHoistedDefinitions(document) as { components: { schemas: Record<string, unknown> } };
  expect(hoisted.components.schemas['__schema0']).toEqual(recursive);
  expect(JSON.stringify(hoisted)).not.toContain('"definitions"');
});

it('refuses two different inline schemas of one name', () => {
  const document = { paths: { a: { definitions: { s: { type: 'string' } } }, b: { definitions: { s: { type: 'number' } } } } };
  expect(() => withHoistedDefinitions(document)).toThrow(/two different inline schemas are both named s/);
});
