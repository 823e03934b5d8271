// OpenAPI at /api/docs (UI) and /api/docs-json. Request bodies and query strings come from the
// zod schemas given to @ValidBody/@ValidQuery (zod 4 implements Standard JSON Schema, which
// @nestjs/swagger 12 converts); responses can use @ApiResponse({ standardSchema }) or zodSchema().
import type { INestApplication } from '@nestjs/common';
import { ApiResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem.js';

export const OPENAPI_UI_PATH = 'api/docs';
/** The security scheme of the switch's HTTP Basic credentials (routes whose @Roles names `switch`). */
export const SWITCH_BASIC_SCHEME = 'switchBasic';

export const ProblemSchema = z
  .looseObject({
    type: z.string().meta({ example: 'urn:itc-billing:problem:validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().meta({ description: 'stable machine-readable code (last segment of type)' }),
    errors: z.array(z.object({ path: z.string().meta({ description: 'JSON Pointer' }), message: z.string() })).optional(),
  })
  .meta({ description: 'RFC 9457 problem details' });

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };

/** Documents an error answer of an operation as problem+json: `@ApiProblemResponse(409, 'insufficient balance')`. */
export function ApiProblemResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: problemContent });
}

/** A zod schema as an OpenAPI 3.0 schema object (for @ApiResponse({ schema }) and friends). */
export function zodSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
}

export function buildOpenApiDocument(app: INestApplication, version = '1'): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ITC billing API')
    .setDescription(
      'Event-sourced billing for a VoIP operator and its agents. Money is a decimal string. Errors are ' +
        'RFC 9457 application/problem+json. Authenticate with `POST /api/v1/auth/login` and send ' +
        '`Authorization: Bearer <accessToken>`; the softswitch sends its API key the same way, or — on the ' +
        'switch routes only — as the HTTP Basic password of user `switch` (FreeSWITCH mod_xml_curl). ' +
        'POSTs that move money honour `Idempotency-Key`.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or switch API key' }, 'bearer')
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'switch routes only: user `switch`, password = SWITCH_API_KEY' }, SWITCH_BASIC_SCHEME)
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: zodSchema(ProblemSchema) as never };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (operation === null || typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses = (operation as { responses: Record<string, unknown> }).responses;
      responses.default ??= {
        description: 'Error (RFC 9457 problem details)',
        content: problemContent,
      };
    }
  }
  return document;
}

export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_UI_PATH}-json`, customSiteTitle: 'ITC billing API' });
  return document;
}
