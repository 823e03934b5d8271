import { isProblem, type Problem } from '@billing/portal-api-client';

/** An API answer that was not 2xx, with its problem+json body (or one made up from the status). */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    /** seconds from a Retry-After header (429), else null. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }

  static async fromResponse(response: Response): Promise<ProblemError> {
    const body: unknown = await response.json().catch(() => null);
    const problem: Problem = isProblem(body)
      ? body
      : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status, code: `http_${response.status}` };
    const retryAfter = response.headers.get('Retry-After');
    const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number.parseInt(retryAfter, 10) : null;
    return new ProblemError(problem, seconds);
  }
}

/** A fetch failure (offline, server down) as a problem, so pages show one kind of error. */
export function networkProblem(error: unknown): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error', detail: error instanceof Error ? error.message : String(error) });
}

/** An openapi-fetch result → its data, or a thrown ProblemError (for TanStack Query's queryFn/mutationFn). */
export async function orThrow<T>(result: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await result;
  if (error === undefined && response.ok) return data as T;
  const retryAfter = response.headers.get('Retry-After');
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number.parseInt(retryAfter, 10) : null;
  const problem = isProblem(error) ? error : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status, code: `http_${response.status}` };
  throw new ProblemError(problem, seconds);
}
