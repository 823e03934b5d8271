// /health: database and transport, plus whatever later modules register (relay lag, Kafka
// consumers, ...). `ok` when every component is up; `degraded` (HTTP 503) when one is down.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { GATEWAY_OPTIONS, PG_POOL, type ResolvedGatewayOptions } from '../gateway.tokens.js';

export type ComponentStatus = 'up' | 'down' | 'unknown';

export interface ComponentHealth {
  status: ComponentStatus;
  [detail: string]: unknown;
}

export interface TransportHealth {
  mode: 'in-process' | 'kafka';
  /** probes the transport; without it the transport is reported `unknown` (never degrades). */
  check?: () => Promise<ComponentHealth>;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  uptimeSeconds: number;
  database: ComponentHealth;
  transport: ComponentHealth & { mode: TransportHealth['mode'] };
  [component: string]: unknown;
}

export type HealthCheck = () => Promise<ComponentHealth>;

const CHECK_TIMEOUT_MS = 2_000;
const startedAtMs = Date.now();

@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(GATEWAY_OPTIONS) private readonly options: ResolvedGatewayOptions,
  ) {}

  /** Adds a component to /health (call from a module's onModuleInit). */
  register(name: string, check: HealthCheck): void {
    if (['status', 'uptimeSeconds', 'database', 'transport'].includes(name) || this.checks.has(name)) {
      throw new Error(`health component "${name}" is already registered`);
    }
    this.checks.set(name, check);
  }

  async report(): Promise<HealthReport> {
    const transport = this.options.transport ?? { mode: this.options.config.transportMode };
    const [database, transportHealth, ...others] = await Promise.all([
      run(() => this.checkDatabase()),
      transport.check === undefined
        ? Promise.resolve<ComponentHealth>({ status: transport.mode === 'in-process' ? 'up' : 'unknown' })
        : run(transport.check),
      ...[...this.checks.values()].map(run),
    ]);
    const components = [database!, transportHealth!, ...others];
    const report: HealthReport = {
      status: components.some((c) => c.status === 'down') ? 'degraded' : 'ok',
      uptimeSeconds: Math.round((Date.now() - startedAtMs) / 1000),
      database: database!,
      transport: { mode: transport.mode, ...transportHealth! },
    };
    [...this.checks.keys()].forEach((name, i) => (report[name] = others[i]));
    return report;
  }

  private async checkDatabase(): Promise<ComponentHealth> {
    const started = process.hrtime.bigint();
    const { rows } = await this.pool.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
    return {
      status: 'up',
      latencyMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      serverVersion: rows[0]?.version,
      pool: { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount },
    };
  }
}

async function run(check: HealthCheck): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      check(),
      new Promise<ComponentHealth>((resolve) => {
        timer = setTimeout(() => resolve({ status: 'down', error: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
