// /api/docs can describe routes another process serves (the distributed gateway: every service's),
// built from their modules in preview — nothing of them starts here.
import { Controller, Get, Module } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { Roles } from '../auth/decorators.js';
import { startGatewayTestApp, type GatewayTestApp } from '../testing/gateway-test-app.js';
import { previewOpenApiDocument } from './openapi-preview.js';

let started = 0;

@Controller('elsewhere')
class ElsewhereController {
  constructor() {
    started += 1;
  }

  @Get('things')
  @ApiOperation({ summary: 'Things another process serves' })
  @Roles('admin')
  things() {
    return [];
  }
}

@Module({ controllers: [ElsewhereController] })
class ElsewhereModule {}

let gw: GatewayTestApp;

beforeAll(async () => {
  gw = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('gw_docs'), openApiDocument: () => previewOpenApiDocument([ElsewhereModule]) });
}, 60_000);

afterAll(async () => {
  await gw?.close();
});

it('serves the document of the given modules with its own routes, without starting those modules', async () => {
  const doc = await gw.request('GET', '/api/docs-json');
  expect(doc.status).toBe(200);
  expect(doc.body.paths['/api/v1/elsewhere/things'].get).toMatchObject({
    summary: 'Things another process serves',
    responses: { '401': expect.any(Object), '403': expect.any(Object) },
  });
  expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/health']));
  expect(started).toBe(0);
  // documented here, answered by the process that owns it
  expect((await gw.request('GET', '/api/v1/elsewhere/things', { token: await gw.login('admin', gw.adminPassword!) })).status).toBe(404);
});
