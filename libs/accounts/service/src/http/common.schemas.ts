// Request pieces shared by the accounts controllers. Shapes, types, lengths, e-mail and decimal
// formats are checked here (400 with the field's path); business rules (E.164, ranges of counts,
// billing terms) are the domain's (422 with a stable code).
import { isValidEmail, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_REASON_CHARS } from '@billing/accounts-domain';
import { MAX_NAME_INPUT_CHARS } from '@billing/contracts';
import { zodSchema } from '@billing/gateway';
import type { ApiBodyOptions } from '@nestjs/swagger';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../queries/pagination.js';

export const Id = z.string().min(1).max(MAX_ID_CHARS);
export const Name = z.string().min(1).max(MAX_NAME_CHARS);
/**
 * A name that must be distinct (a customer profile's): only bounded as sent; blank, too long (in its
 * normal form, docs/API.md §1 Names) or invisible characters are the domain's 422 invalid_name, so a
 * name padded with spaces is answered as it is stored, and as rating answers a sheet's.
 */
export const DistinctName = z.string().max(MAX_NAME_INPUT_CHARS).meta({ description: 'at most 100 characters in its normal form (docs/API.md §1 Names), else 422 invalid_name' });
export const Email = z
  .string()
  .max(254)
  .refine((value) => isValidEmail(value), 'must be an e-mail address such as ops@example.com')
  .meta({ examples: ['ops@example.com'] });
export const Username = z.string().min(3).max(64).meta({ description: 'letters, digits and . _ @ -; case-insensitive', examples: ['acme-telecom'] });
export const Password = z.string().min(10).max(1024).meta({ description: 'at least 10 characters, 5 of them different, not a simple sequence, not a common password (else 422 weak_password)' });
export const Reason = z.string().max(MAX_REASON_CHARS).nullable().optional();

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(500).optional(),
});

/** `?search=` of the agent and customer lists: contained, in any case. */
export const Search = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .meta({ description: 'text contained (any case) in the listed text fields, or an exact id' });

/** `{reason?}` of suspend/close; the body itself may be absent. */
export const ReasonBody = z.strictObject({ reason: Reason });
export type ReasonBody = z.infer<typeof ReasonBody>;

/** A body that is not required (no @ValidBody: it would demand one), still strictly validated. */
export function optionalBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const empty = body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
  return schema.parse(empty ? {} : body);
}

/** "at least one field" for PATCH bodies. */
export function notEmpty(value: object): boolean {
  return Object.values(value).some((field) => field !== undefined);
}

/** OpenAPI for a body read with optionalBody (not required). */
export function optionalBodyDoc(schema: z.ZodType): ApiBodyOptions {
  return { required: false, schema: zodSchema(schema, 'input') } as ApiBodyOptions;
}
