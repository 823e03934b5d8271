// `@ValidBody(Schema) body: z.infer<typeof Schema>`: validated by ZodValidationPipe, documented
// in OpenAPI from the same schema (Nest's `schema` parameter option, read by @nestjs/swagger).
import { Body, Param, Query } from '@nestjs/common';
import type { z } from 'zod';
import { markOptionalBody } from './optional-body.js';
import { assertStrictSchema } from './strict-schema.js';

/** The JSON body, validated by a strict zod schema (unknown fields → 400). */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  assertStrictSchema(schema, 'ValidBody');
  return Body({ schema });
}

/** A JSON body that may be left out: no body at all validates as `{}` (e.g. `{amount?}`, all if absent). */
export function ValidOptionalBody(schema: z.ZodType): ParameterDecorator {
  assertStrictSchema(schema, 'ValidOptionalBody');
  markOptionalBody(schema);
  return Body({ schema });
}

/** The query string, validated by a strict zod object (use z.coerce for numbers). */
export function ValidQuery(schema: z.ZodType): ParameterDecorator {
  assertStrictSchema(schema, 'ValidQuery');
  return Query({ schema });
}

/** One path parameter, validated (e.g. `ValidParam('id', z.uuid())`). */
export function ValidParam(name: string, schema: z.ZodType): ParameterDecorator {
  return Param(name, { schema });
}
