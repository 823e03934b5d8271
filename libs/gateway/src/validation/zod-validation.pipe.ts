// The global pipe: a parameter declared with a schema (`@ValidBody(S)`, `@ValidQuery(S)`, or
// Nest's own `@Body({ schema: S })`) is validated and replaced by the parsed value; a failure is
// a 400 problem listing every field error with its path.
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ProblemException, type ProblemFieldError } from '../problem/problem.js';
import { fieldErrorsFromIssues, invalidDetail, type SchemaIssue } from './issues.js';
import { isOptionalBody } from './optional-body.js';
import { defAt } from './schema-at.js';

interface StandardSchema {
  '~standard': {
    validate(value: unknown): { value: unknown; issues?: undefined } | { issues: readonly SchemaIssue[] } | Promise<unknown>;
  };
}

const WHAT: Record<string, string> = { body: 'request body', query: 'query string', param: 'path parameter' };

@Injectable()
export class ZodValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const schema = metadata.schema as StandardSchema | undefined;
    if (schema === undefined || metadata.type === 'custom') return value;
    if (metadata.type === 'body' && value === undefined) {
      if (!isOptionalBody(schema)) throw validationProblem('request body', [{ path: '', message: 'a JSON body is required (Content-Type: application/json)' }]);
      value = {};
    }
    // every JSON body is an object: a string is a text/plain or text/csv body sent to a JSON endpoint
    if (metadata.type === 'body' && typeof value === 'string') {
      throw new ProblemException(415, 'unsupported_media_type', 'This endpoint takes a JSON body: send it with Content-Type: application/json.', { title: 'Unsupported Media Type' });
    }
    // docs/API.md: JSON that is not an object is `malformed_json`; the strict parser lets only a list through to here
    if (metadata.type === 'body' && Array.isArray(value) && defAt(schema, [])?.type === 'object') {
      throw new ProblemException(400, 'malformed_json', 'The request body must be a JSON object, not a list.', { title: 'Malformed JSON' });
    }
    const result = (await schema['~standard'].validate(value)) as { value: unknown; issues?: readonly SchemaIssue[] };
    if (result.issues !== undefined) {
      const what = metadata.type === 'param' && metadata.data ? `path parameter "${metadata.data}"` : (WHAT[metadata.type] ?? 'request');
      throw validationProblem(what, fieldErrorsFromIssues(result.issues, value, schema));
    }
    return result.value;
  }
}

export function validationProblem(what: string, errors: ProblemFieldError[]): ProblemException {
  return new ProblemException(400, 'validation', invalidDetail(what, errors), { title: 'Invalid request', errors });
}
