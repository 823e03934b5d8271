import type { paths } from '@billing/portal-api-client';

/** The JSON body a route answers with `status`, as the generated client (the product's OpenAPI) types it. */
export type ApiJson<P extends keyof paths, M extends 'get' | 'post', S extends 200 | 201 = 200> = paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;
