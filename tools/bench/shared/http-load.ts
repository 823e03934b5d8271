// HTTP load from a worker thread (http-load-worker.mjs): the same closed and paced loops as
// load.ts, but the clients run outside the service's event loop, as real clients would, and over
// node:http with keep-alive rather than fetch. The requests are data; see LoadPlan.
import { Worker } from 'node:worker_threads';
import type { LoopResult } from './load.js';

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** `{{seq}}` is replaced with the request's sequence number. */
  path: string;
  headers: Record<string, string>;
  /** JSON text; `{{seq}}` is replaced with the request's sequence number. */
  body?: string;
  /** any other status is a failure. */
  expectStatus: number;
}

interface CommonPlan {
  baseUrl: string;
  durationMs: number;
  /** the first `{{seq}}`: runs that must not reuse ids start where the last one ended. */
  firstSequence: number;
  /** a header given a new UUID on every request (Idempotency-Key). */
  freshKeyHeader?: string;
  /** counts the answers whose body contains this text (e.g. `"allowed":false`). */
  countWhenBodyIncludes?: string;
}

/** each client sends its requests in turn (cycling), the next when the last is answered. */
export interface ClosedPlan extends CommonPlan {
  kind: 'closed';
  clients: LoadRequest[][];
}

/** `ratePerSecond` sends on schedule, cycling through `requests`; latency from the scheduled instant. */
export interface PacedPlan extends CommonPlan {
  kind: 'paced';
  ratePerSecond: number;
  requests: LoadRequest[];
}

export interface HttpLoadResult extends LoopResult {
  sent: number;
  /** answers that matched `countWhenBodyIncludes`. */
  counted: number;
}

export function runHttpLoad(plan: ClosedPlan | PacedPlan): Promise<HttpLoadResult> {
  if (plan.kind === 'closed' && plan.clients.some((requests) => requests.length === 0)) throw new Error('every client needs at least one request');
  if (plan.kind === 'paced' && plan.requests.length === 0) throw new Error('a paced plan needs at least one request');
  const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url), { workerData: plan });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { result?: HttpLoadResult; error?: string }) => {
      if (message.result) resolve(message.result);
      else reject(new Error(`load worker failed: ${message.error ?? 'no result'}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited with ${code} before answering`)));
  });
}

export function jsonHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' };
}
