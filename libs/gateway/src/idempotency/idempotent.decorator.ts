// `@Idempotent()` on a POST that moves money (docs/API.md): an `Idempotency-Key` header makes a
// retry return the first result instead of executing twice.
import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import type { HttpRequest } from '../http-types.js';

export const IDEMPOTENT_METADATA = 'billing:gateway:idempotent';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface IdempotentOptions {
  /** refuse requests without the header (400); default false: without a key the request just runs. */
  required?: boolean;
}

export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, { required: options.required ?? false }),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: options.required ?? false,
      description:
        `1–${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, unique per operation (a UUID). Same key + same body → the first ` +
        'response again (header Idempotent-Replayed: true); same key + another body → 422. Keys are per caller and kept 24 h.',
    }),
  );
}

export interface IdempotencyContext {
  key: string;
  /** `<role>:<subjectId>:<key>`: unique per caller; derive command/event ids from it so that even a retry after the key expired is deduplicated by the event store. */
  scopedKey: string;
}

/** The request's idempotency key (undefined when the caller sent none). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): IdempotencyContext | undefined => {
  return context.switchToHttp().getRequest<HttpRequest>().idempotency;
});

const ID_NAMESPACE = Buffer.from('6f1c2b0e8f7a4c1d9b3e5a7c9d1e2f30', 'hex');

/**
 * A UUID (version 5, SHA-1 name-based) derived from a name such as `IdempotencyContext.scopedKey`:
 * the same key always gives the same command id, so the event store deduplicates a retry.
 */
export function uuidFromName(name: string): string {
  const bytes = createHash('sha1').update(ID_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
