// The concurrent-writer loop shared by the append scenarios: `writers` async loops, each on its
// own streams (so no expected-version conflicts), each append its own transaction, for a fixed
// duration. Stream versions are tracked here, so every append carries a real expected version.
import { callsRated } from '../payload.js';
import type { BenchStore } from '../stores/bench-store.js';

export interface WriterPlan {
  writers: number;
  streamsPerWriter: number;
  eventsPerAppend: number;
  /** stream name prefix; distinct per scenario so streams never collide. */
  prefix: string;
}

export interface WriterRun {
  events: number;
  appends: number;
  elapsedMs: number;
  eventsPerSecond: number;
  /** per-append latencies of the run (ms). */
  latenciesMs: number[];
}

/** Per store and scenario: events already in each stream, across warm-up and runs. */
export type StreamVersions = Map<string, number>;

export async function runWriters(store: BenchStore, plan: WriterPlan, versions: StreamVersions, durationMs: number): Promise<WriterRun> {
  const latenciesMs: number[] = [];
  let events = 0;
  let appends = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const writer = async (w: number): Promise<void> => {
    while (performance.now() < deadline) {
      const streamId = `call-${plan.prefix}w${w}s${Math.floor(Math.random() * plan.streamsPerWriter)}`;
      const before = versions.get(streamId) ?? 0;
      const batch = callsRated(w * plan.streamsPerWriter, plan.eventsPerAppend);
      const t0 = performance.now();
      await store.append(streamId, batch, before);
      latenciesMs.push(performance.now() - t0);
      versions.set(streamId, before + batch.length);
      events += batch.length;
      appends += 1;
    }
  };
  await Promise.all(Array.from({ length: plan.writers }, (_, w) => writer(w)));
  const elapsedMs = performance.now() - started;
  return { events, appends, elapsedMs, eventsPerSecond: (events * 1000) / elapsedMs, latenciesMs };
}
