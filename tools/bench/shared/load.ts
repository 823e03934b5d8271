// An in-process closed loop (N clients, each sending its next request when the last one is
// answered) for load that is not HTTP (the SQL peers). HTTP load runs in a worker thread
// (http-load.ts), closed or paced.

export interface LoopResult {
  ok: number;
  failed: number;
  elapsedMs: number;
  latenciesMs: number[];
  /** the first few failure messages, for the report. */
  failures: string[];
}

/** `clients` loops calling `op(client, sequence)` until `durationMs` is over. op throws = failure. */
export async function closedLoop(clients: number, durationMs: number, op: (client: number, sequence: number) => Promise<void>): Promise<LoopResult> {
  const result: LoopResult = { ok: 0, failed: 0, elapsedMs: 0, latenciesMs: [], failures: [] };
  const startedMs = performance.now();
  const endMs = startedMs + durationMs;
  const client = async (index: number): Promise<void> => {
    for (let sequence = 0; performance.now() < endMs; sequence += 1) {
      const sentMs = performance.now();
      try {
        await op(index, sequence);
        result.ok += 1;
        result.latenciesMs.push(performance.now() - sentMs);
      } catch (error) {
        result.failed += 1;
        if (result.failures.length < 5) result.failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  result.elapsedMs = performance.now() - startedMs;
  return result;
}
