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
}
