import { orThrow } from '@billing/portal-session';

/**
 * orThrow for the routes whose OpenAPI answer has no schema yet (wallet, reports, notifications):
 * the body is typed by the wire shapes in this lib (docs/API.md), not by the generated client.
 */
export async function asJson<T>(result: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  return (await orThrow(result)) as T;
}
