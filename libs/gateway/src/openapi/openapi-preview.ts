// The OpenAPI document of a set of modules without starting them: Nest's preview mode builds the
// module graph and routes but instantiates no provider, so nothing connects to a database or a
// broker. Used where the document must describe controllers this process does not run — the
// distributed gateway's /api/docs (every service's routes) — and by the contract test.
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import pg from 'pg';
import { loadGatewayConfig } from '../config/gateway-config.js';
import { API_PREFIX, type GatewayAppOptions } from '../gateway-app.js';
import { GatewayModule } from '../gateway.module.js';
import { buildOpenApiDocument } from './openapi.js';

@Module({})
class PreviewRootModule {}

/** The document the app made of the gateway and these service modules would serve. */
export async function previewOpenApiDocument(imports: PreviewImports): Promise<OpenAPIObject> {
  return withPreviewApp(imports, (app) => buildOpenApiDocument(app));
}

type PreviewImports = NonNullable<GatewayAppOptions['imports']>;

/** Runs `use` on the app of the gateway and these modules, built in preview (nothing started). */
export async function withPreviewApp<T>(imports: PreviewImports, use: (app: INestApplication) => T | Promise<T>): Promise<T> {
  // never connected: in preview no provider (migration, secrets, consumer) runs
  const pool = new pg.Pool({ max: 1 });
  const root: DynamicModule = { module: PreviewRootModule, imports: [GatewayModule.forRoot({ config: loadGatewayConfig({}), pool }), ...imports] };
  const app = await NestFactory.create(root, { preview: true, logger: false });
  try {
    app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
    return await use(app);
  } finally {
    await app.close();
    await pool.end();
  }
}
