// Where the machine's CPU went during a scenario: this benchmark's Node process, the embedded
// PostgreSQL's processes, and everything else (other work on a shared machine skews results,
// so the report states it). Linux /proc only; elsewhere it reports nothing.
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Snapshot {
  atMs: number;
  busyTicks: number;
  totalTicks: number;
  nodeMicros: number;
  postgresTicks: number;
}

export interface CpuShare {
  /** share of the whole machine (all cores = 100 %). */
  machineBusyPct: number;
  benchNodePct: number;
  postgresPct: number;
  otherPct: number;
  loadAverage1m: number;
}

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/**
 * CPU ticks of the postmaster and its backends: utime+stime of the live children, plus the
 * postmaster's own utime+stime and cutime+cstime (backends that exited and were reaped).
 */
function treeTicks(rootPid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      if (ppid === rootPid) ticks += Number(fields[11]) + Number(fields[12]);
      if (pid === rootPid) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

export class CpuMonitor {
  private start: Snapshot | undefined;

  constructor(private readonly postmasterPid: number | undefined) {}

  /** whether PostgreSQL's CPU can be measured (embedded server on Linux). */
  get hasPostgres(): boolean {
    return this.postmasterPid !== undefined;
  }

  private snapshot(): Snapshot | undefined {
    try {
      const m = machineTicks();
      const usage = process.cpuUsage();
      return {
        atMs: performance.now(),
        busyTicks: m.busy,
        totalTicks: m.total,
        nodeMicros: usage.user + usage.system,
        postgresTicks: this.postmasterPid === undefined ? 0 : treeTicks(this.postmasterPid),
      };
    } catch {
      return undefined;
    }
  }

  /** CPU seconds used so far by this process and by the embedded PostgreSQL (0 if unknown). */
  cpuSeconds(): { node: number; postgres: number } {
    const usage = process.cpuUsage();
    let postgres = 0;
    try {
      if (this.postmasterPid !== undefined) postgres = treeTicks(this.postmasterPid) / TICKS_PER_SECOND;
    } catch {
      // no /proc
    }
    return { node: (usage.user + usage.system) / 1e6, postgres };
  }

  begin(): void {
    this.start = this.snapshot();
  }

  end(): CpuShare | undefined {
    const a = this.start;
    const b = this.snapshot();
    if (!a || !b || b.totalTicks === a.totalTicks) return undefined;
    const totalTicks = b.totalTicks - a.totalTicks;
    const pct = (ticks: number): number => (100 * ticks) / totalTicks;
    const machineBusyPct = pct(b.busyTicks - a.busyTicks);
    const benchNodePct = pct(((b.nodeMicros - a.nodeMicros) / 1e6) * TICKS_PER_SECOND);
    const postgresPct = pct(b.postgresTicks - a.postgresTicks);
    return {
      machineBusyPct,
      benchNodePct,
      postgresPct,
      otherPct: Math.max(0, machineBusyPct - benchNodePct - postgresPct),
      loadAverage1m: os.loadavg()[0] ?? 0,
    };
  }
}
