// One call from a service process to another's internal API (distributed mode): JSON, the
// internal service key (INTERNAL_SERVICE_KEY, never the switch's), bounded by a timeout, the answer parsed by the contract's schema. Anything but a 200
// with a body of that shape throws; each caller decides what a failed call means for its request.
// A call that never got an answer (refused, reset, timed out) or got a gateway error (502, 503,
// 504) throws ServiceUnreachableError: the other service cannot be reached, which a caller may
// treat as an outage; any other failure (another status, a body off the contract) is a plain Error.
import { COMMITTED_EVENTS_HEADER, decodeCommittedEvents, recordCommittedEvents } from '@billing/messaging';
import type { z } from 'zod';

export interface ServiceCall<T> {
  baseUrl: string;
  path: string;
  /** INTERNAL_SERVICE_KEY: the internal routes take the `service` role only. */
  apiKey: string;
  timeoutMs: number;
  schema: z.ZodType<T>;
  /** POSTed as JSON; absent = GET. */
  body?: unknown;
}

/** The other service gave no answer or a gateway error: it cannot be reached (now). */
export class ServiceUnreachableError extends Error {
  override readonly name = 'ServiceUnreachableError';
}

export function isServiceUnreachable(error: unknown): error is ServiceUnreachableError {
  return error instanceof ServiceUnreachableError;
}

const UNREACHABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

export async function callServiceJson<T>(call: ServiceCall<T>): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${call.apiKey}`, accept: 'application/json' };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const url = new URL(call.path, call.baseUrl);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: call.body === undefined ? 'GET' : 'POST',
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw new ServiceUnreachableError(`${call.baseUrl} could not be reached: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (UNREACHABLE_STATUSES.has(response.status)) throw new ServiceUnreachableError(`${call.baseUrl} answered ${response.status}: ${text.slice(0, 300)}`);
  if (response.status !== 200) throw new Error(`${call.baseUrl} answered ${response.status}: ${text.slice(0, 300)}`);
  const answer = call.schema.parse(JSON.parse(text));
  // what the other service's command committed becomes part of this request's (read-your-writes)
  recordCommittedEvents(decodeCommittedEvents(response.headers.get(COMMITTED_EVENTS_HEADER)));
  return answer;
}
