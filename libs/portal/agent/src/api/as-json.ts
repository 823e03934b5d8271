import { orThrow } from '@billing/portal-session';

/**
 * For routes whose OpenAPI answer has no schema (the wallet's): the parsed JSON body typed by
 * the caller from docs/API.md, or the thrown ProblemError.
 */
export async function asJson<T>(result: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  return (await orThrow(result)) as T;
}
