// Polls until a condition holds, bounded.
import { sleep } from '../stats.js';

export async function waitFor(done: () => Promise<boolean>, timeoutMs: number, what: string, pollMs = 50): Promise<void> {
  const deadlineMs = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadlineMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(pollMs);
  }
}
