import { hoistInlineDefinitions } from './hoist-definitions.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const recursive = { anyOf: [{ type: 'string' }, { type: 'array', items: ref('__schema0') }] };
const response = (schema: unknown) => ({ get: { responses: { 200: { content: { 'application/json': { schema } } } } } });

it('moves inline definitions to components.schemas so that every $ref resolves', () => {
  const document = { paths: { '/x': response({ type: 'object', additionalProperties: ref('__schema0'), definitions: { __schema0: recursive } }) } };
  const hoisted = hoistInlineDefinitions(document) as unknown as { components: { schemas: Record<string, unknown> } };
  expect(hoisted.components.schemas['__schema0']).toEqual(recursive);
  expect(JSON.stringify(hoisted)).not.toContain('"definitions"');
});

it('gives a second, different definition of the same name a free name and points its refs at it', () => {
  const other = { anyOf: [{ type: 'number' }, { type: 'array', items: ref('__schema0') }] };
  const document = {
    paths: {
      '/a': response({ items: ref('__schema0'), definitions: { __schema0: recursive } }),
      '/b': response({ items: ref('__schema0'), definitions: { __schema0: other } }),
    },
  };
  const hoisted = hoistInlineDefinitions(document) as unknown as { components: { schemas: Record<string, { anyOf: unknown[] }> }; paths: Record<string, ReturnType<typeof response>> };
  expect(hoisted.components.schemas['__schema0']).toEqual(recursive);
  expect(hoisted.components.schemas['__schema0_2']?.anyOf[1]).toEqual({ type: 'array', items: ref('__schema0_2') });
  expect(hoisted.paths['/b']?.get.responses[200].content['application/json'].schema).toEqual({ items: ref('__schema0_2') });
  expect(hoisted.paths['/a']?.get.responses[200].content['application/json'].schema).toEqual({ items: ref('__schema0') });
});

it('keeps one copy of identical definitions', () => {
  const document = { paths: { '/a': response({ definitions: { s: { type: 'string' } } }), '/b': response({ definitions: { s: { type: 'string' } } }) } };
  const hoisted = hoistInlineDefinitions(document) as unknown as { components: { schemas: Record<string, unknown> } };
  expect(Object.keys(hoisted.components.schemas)).toEqual(['s']);
});
