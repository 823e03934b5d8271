// In-memory lookups/s: `find` over every number, `rounds` times per run, after a JIT warm-up;
// a checksum of the answers keeps the work from being optimised away.
import { median } from '../stats.js';

export interface LookupTiming {
  perSecondRuns: number[];
  perSecond: number;
  /** lookups per second of this process's CPU time (user + system) over the timed runs: what a core to ourselves gives. */
  perCpuSecond: number;
  checksum: number;
}

export function timeLookups(find: (digits: string) => number, numbers: readonly string[], rounds: number, runs: number): LookupTiming {
  let checksum = 0;
  const pass = (): void => {
    for (let i = 0; i < numbers.length; i += 1) checksum += find(numbers[i]!);
  };
  for (let warm = 0; warm < 3; warm += 1) pass();
  const perSecondRuns: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let run = 0; run < runs; run += 1) {
    const startedMs = performance.now();
    for (let round = 0; round < rounds; round += 1) pass();
    perSecondRuns.push((rounds * numbers.length * 1_000) / (performance.now() - startedMs));
  }
  const cpu = process.cpuUsage(cpuStart);
  const perCpuSecond = (runs * rounds * numbers.length * 1e6) / (cpu.user + cpu.system);
  return { perSecondRuns, perSecond: median(perSecondRuns), perCpuSecond, checksum };
}
