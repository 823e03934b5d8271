/**
 * One Idempotency-Key per submission attempt: a retry of the same body (after a network error,
 * a 5xx, a timeout) reuses the key, so the API applies the command once; another body, or any
 * submission after a success, gets a new key.
 */
export class IdempotencyKeys {
  private current: { body: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for sending `body` now. */
  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.current === null || this.current.body !== text) this.current = { body: text, key: this.newKey() };
    return this.current.key;
  }

  /** The command was applied (or refused for good): the next submission is a new command. */
  settled(): void {
    this.current = null;
  }

  /**
   * The command failed with `problem` (null: no answer, e.g. offline). A refusal the API decided
   * is kept under the key (a retry would replay it), so the next submission gets a new key; no
   * answer, 408/425/429, a 5xx or a command still running keep the key for the retry.
   */
  failed(problem: { status: number; code: string } | null): void {
    if (problem === null) return;
    const retryable = problem.status === 0 || problem.status >= 500 || [408, 425, 429].includes(problem.status) || problem.code === 'idempotency_key_in_progress';
    if (!retryable) this.settled();
  }
}
