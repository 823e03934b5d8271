// CPU per operation over a timed window: this process plus the embedded PostgreSQL (µs/op). Unlike
// ops/s it barely moves with other load on a shared machine; "ceiling" is the rate all cores would
// allow if the benchmark, the service and PostgreSQL had them to themselves.
import os from 'node:os';
import type { CpuMonitor } from '../cpu-monitor.js';
import { decimals, formatRate } from '../stats.js';

export interface CpuPerOp {
  nodeMicros: number;
  postgresMicros: number | undefined;
}

export class CpuMeter {
  private nodeSeconds = 0;
  private postgresSeconds = 0;
  private start: { node: number; postgres: number } | undefined;

  constructor(private readonly monitor: CpuMonitor) {}

  resume(): void {
    this.start = this.monitor.cpuSeconds();
  }

  pause(): void {
    if (this.start === undefined) return;
    const now = this.monitor.cpuSeconds();
    this.nodeSeconds += now.node - this.start.node;
    this.postgresSeconds += now.postgres - this.start.postgres;
    this.start = undefined;
  }

  perOp(operations: number): CpuPerOp {
    return {
      nodeMicros: (this.nodeSeconds * 1e6) / operations,
      postgresMicros: this.monitor.hasPostgres ? (this.postgresSeconds * 1e6) / operations : undefined,
    };
  }
}

export function describeCpuPerOp(cpu: CpuPerOp, unit: string): string {
  const total = cpu.nodeMicros + (cpu.postgresMicros ?? 0);
  const pg = cpu.postgresMicros === undefined ? 'n/a' : `${decimals(cpu.postgresMicros, 0)} µs`;
  return (
    `CPU per ${unit}: ${decimals(cpu.nodeMicros, 0)} µs in the benchmark process (clients + service) + ${pg} in PostgreSQL = ${decimals(total, 0)} µs; ` +
    `ceiling with all ${os.cpus().length} cores to ourselves ≈ ${formatRate((os.cpus().length * 1e6) / total)} ${unit}s/s.`
  );
}
