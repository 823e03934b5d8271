// Bounded polling for integration tests: no fixed sleeps, a clear message when time runs out.
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what ?? 'condition'}; last: ${describe(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
    last = await probe();
  }
  return last;
}

function describe(value: unknown): string {
  if (value instanceof Map) return `Map(${value.size})`;
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)).slice(0, 300);
  } catch {
    return String(value);
  }
}

/** Every id had its effect exactly once, and nothing else had one. */
export function exactlyOnce(counts: Map<string, number>, ids: readonly string[]): { missing: string[]; doubled: string[]; unknown: string[] } {
  const expected = new Set(ids);
  return {
    missing: ids.filter((id) => !counts.has(id)),
    doubled: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    unknown: [...counts.keys()].filter((id) => !expected.has(id)),
  };
}
