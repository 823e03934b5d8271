// One call from a service process to another's internal API (distributed mode): JSON, the switch
// API key, bounded by a timeout, the answer parsed by the contract's schema. Anything but a 200
// with a body of that shape throws; each caller decides what a failed call means for its request.
import type { z } from 'zod';

export interface ServiceCall<T> {
  baseUrl: string;
  path: string;
  apiKey: string;
  timeoutMs: number;
  schema: z.ZodType<T>;
  /** POSTed as JSON; absent = GET. */
  body?: unknown;
}

export async function callServiceJson<T>(call: ServiceCall<T>): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${call.apiKey}`, accept: 'application/json' };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(call.path, call.baseUrl), {
    method: call.body === undefined ? 'GET' : 'POST',
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    signal: AbortSignal.timeout(call.timeoutMs),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${call.baseUrl} answered ${response.status}: ${text.slice(0, 300)}`);
  return call.schema.parse(JSON.parse(text));
}
