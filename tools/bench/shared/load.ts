// Load generators: a closed loop (N clients, each sending its next request when the last one is
// answered) and a paced open loop (requests sent on a fixed schedule whether or not earlier ones
// were answered, so a slow answer cannot hide the queueing it causes: latency is measured from
// the scheduled send time).
import { sleep } from '../stats.js';

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

/** `ratePerSecond` requests for `durationMs`, each sent at its scheduled instant; latency from that instant. */
export async function pacedLoop(ratePerSecond: number, durationMs: number, op: (sequence: number) => Promise<void>): Promise<LoopResult & { sent: number }> {
  const result: LoopResult & { sent: number } = { ok: 0, failed: 0, elapsedMs: 0, latenciesMs: [], failures: [], sent: 0 };
  const intervalMs = 1_000 / ratePerSecond;
  const total = Math.round((ratePerSecond * durationMs) / 1_000);
  const startedMs = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let sequence = 0; sequence < total; sequence += 1) {
    const scheduledMs = startedMs + sequence * intervalMs;
    const waitMs = scheduledMs - performance.now();
    if (waitMs > 0) await sleep(waitMs); // never early; a late send counts its lateness as latency
    result.sent += 1;
    inFlight.push(
      op(sequence).then(
        () => {
          result.ok += 1;
          result.latenciesMs.push(performance.now() - scheduledMs);
        },
        (error: unknown) => {
          result.failed += 1;
          if (result.failures.length < 5) result.failures.push(error instanceof Error ? error.message : String(error));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  result.elapsedMs = performance.now() - startedMs;
  return result;
}
