/**
 * One Idempotency-Key per submission attempt of a money form: the same body sent again (a retry
 * after a timeout or a 5xx) reuses the key, so the API applies it once; a changed body is a new
 * command and gets a new key (the old one would be 422 idempotency_key_reused); a success ends it.
 */
export class IdempotencyKeys {
  private current: { body: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for this body: the previous attempt's when the body is the same. */
  keyFor(body: unknown): string {
    const serialised = JSON.stringify(body);
    if (this.current?.body !== serialised) this.current = { body: serialised, key: this.newKey() };
    return this.current.key;
  }

  /** The command succeeded: the next submission is a new command. */
  done(): void {
    this.current = null;
  }
}
