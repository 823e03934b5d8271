// The accounts endpoints are in /api/docs with their request schemas.
import { jest } from '@jest/globals';
import { accountsTestAppPerFile } from '../__fixtures__/accounts-test-app.js';

jest.setTimeout(60_000);

const app = accountsTestAppPerFile();

it('documents every accounts endpoint', async () => {
  const res = await app.request('GET', '/api/docs-json');
  expect(res.status).toBe(200);
  const paths = res.body.paths as Record<string, Record<string, { summary?: string; requestBody?: unknown }>>;
  const expected: [string, string][] = [
    ['/api/v1/agents', 'post'],
    ['/api/v1/agents', 'get'],
    ['/api/v1/agents/{id}', 'get'],
    ['/api/v1/agents/{id}', 'patch'],
    ['/api/v1/agents/{id}/changes', 'get'],
    ['/api/v1/customer-profiles', 'post'],
    ['/api/v1/customer-profiles', 'get'],
    ['/api/v1/customers', 'post'],
    ['/api/v1/customers', 'get'],
    ['/api/v1/customers/batch', 'post'],
    ['/api/v1/customers/{id}', 'get'],
    ['/api/v1/customers/{id}/suspend', 'post'],
    ['/api/v1/customers/{id}/reactivate', 'post'],
    ['/api/v1/customers/{id}/close', 'post'],
    ['/api/v1/customers/{id}/follow-me', 'put'],
    ['/api/v1/customers/{id}/caller-ids', 'post'],
    ['/api/v1/customers/{id}/caller-ids/default', 'put'],
    ['/api/v1/customers/{id}/caller-ids/{number}', 'delete'],
    ['/api/v1/customers/{id}/settings', 'patch'],
    ['/api/v1/switch/directory', 'post'],
    ['/api/v1/switch/directory/{sipUsername}', 'get'],
  ];
  for (const [path, method] of expected) {
    expect({ path, method, documented: typeof paths[path]?.[method]?.summary }).toEqual({ path, method, documented: 'string' });
  }
  expect(JSON.stringify(paths['/api/v1/agents']?.post?.requestBody)).toContain('commissionPercent');
});
