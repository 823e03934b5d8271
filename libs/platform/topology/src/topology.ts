// The distributed topology on one machine (docs/ARCHITECTURE.md, Shape, issue 7): five processes — accounts,
// wallet, rating, notifications and the gateway — each started from the build, each its own
// HTTP port, Kafka between them, one PostgreSQL. Used by `npm run start:distributed` and by the
// e2e and fault suites (apps/e2e), which kill -9 and restart processes through this handle.
import { SERVICE_NAMES, SERVICE_URL_ENV } from '@billing/gateway';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export const PROCESSES = ['accounts', 'wallet', 'rating', 'notifications', 'gateway'] as const;
export type ProcessName = (typeof PROCESSES)[number];

const PORT_OFFSETS: Readonly<Record<ProcessName, number>> = { gateway: 0, accounts: 1, wallet: 2, rating: 3, notifications: 4 };

/** The gateway on `basePort`, the services on the next four ports. */
export function consecutivePorts(basePort: number): Record<ProcessName, number> {
  return Object.fromEntries(PROCESSES.map((name) => [name, basePort + PORT_OFFSETS[name]])) as Record<ProcessName, number>;
}

export interface TopologyOptions {
  /** compiled tree with apps/<name>/src/main.js (tools/build.mjs output). */
  buildDir: string;
  databaseUrl: string;
  kafkaBrokers: string;
  /** the HTTP port of each process (consecutivePorts(3000): the gateway on 3000, services 3001–3004). */
  ports: Readonly<Record<ProcessName, number>>;
  /** the secrets every process must share. */
  switchApiKey: string;
  jwtSecret: string;
  adminPassword: string;
  /** what the services present to each other's internal routes; default: random, for this topology only (nobody outside calls them). */
  internalServiceKey?: string;
  /** further variables for every process (SMTP_URL, STRIPE_*, ...). */
  env?: Record<string, string>;
  /** each process's stdout+stderr go to <logDir>/<name>.log (appended across restarts). */
  logDir: string;
  /** per process start bound: /health must answer 200 within it (default 60 s). */
  startTimeoutMs?: number;
}

interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
}

export class Topology {
  private readonly running = new Map<ProcessName, Running>();
  private readonly logs = new Map<ProcessName, WriteStream>();
  /** INTERNAL_SERVICE_KEY of every process (the same across restarts of one). */
  readonly internalServiceKey: string;

  private constructor(private readonly options: TopologyOptions) {
    this.internalServiceKey = options.internalServiceKey ?? `isk_${randomBytes(32).toString('base64url')}`;
  }

  /** Starts the services, then the gateway, each once its /health answers 200. */
  static async start(options: TopologyOptions): Promise<Topology> {
    await mkdir(options.logDir, { recursive: true });
    const topology = new Topology(options);
    try {
      // accounts first: it creates the shared login tables; the others may then start together.
      await topology.startProcess('accounts');
      await Promise.all((['wallet', 'rating', 'notifications'] as const).map((name) => topology.startProcess(name)));
      await topology.startProcess('gateway');
    } catch (error) {
      await topology.stop();
      throw error;
    }
    return topology;
  }

  port(name: ProcessName): number {
    return this.options.ports[name];
  }

  url(name: ProcessName): string {
    return `http://127.0.0.1:${this.port(name)}`;
  }

  /** kill -9: no shutdown hook runs, in-flight work is cut wherever it is. */
  async kill(name: ProcessName): Promise<void> {
    const running = this.running.get(name);
    if (running === undefined) return;
    running.child.kill('SIGKILL');
    await running.exited;
    this.running.delete(name);
  }

  async restart(name: ProcessName): Promise<void> {
    await this.kill(name);
    await this.startProcess(name);
  }

  /** SIGTERM to every process (graceful), SIGKILL after 20 s. */
  async stop(): Promise<void> {
    await Promise.all(
      [...this.running.entries()].map(async ([name, running]) => {
        running.child.kill('SIGTERM');
        const timer = setTimeout(() => running.child.kill('SIGKILL'), 20_000);
        await running.exited;
        clearTimeout(timer);
        this.running.delete(name);
      }),
    );
    for (const log of this.logs.values()) log.end();
    this.logs.clear();
  }

  async startProcess(name: ProcessName): Promise<void> {
    if (this.running.has(name)) throw new Error(`${name} is already running`);
    const log = this.logFor(name);
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(this.options.buildDir, 'apps', name, 'src', 'main.js')], {
      env: this.environment(name),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    this.running.set(name, { child, exited });
    await this.waitHealthy(name, exited);
  }

  private environment(name: ProcessName): NodeJS.ProcessEnv {
    const o = this.options;
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: 'production',
      ...o.env,
      PORT: String(this.port(name)),
      DATABASE_URL: o.databaseUrl,
      KAFKA_BROKERS: o.kafkaBrokers,
      SWITCH_API_KEY: o.switchApiKey,
      INTERNAL_SERVICE_KEY: this.internalServiceKey,
      JWT_SECRET: o.jwtSecret,
      ADMIN_PASSWORD: o.adminPassword,
      ...Object.fromEntries(SERVICE_NAMES.map((service) => [SERVICE_URL_ENV[service], this.url(service)])),
    };
  }

  private logFor(name: ProcessName): WriteStream {
    let log = this.logs.get(name);
    if (log === undefined) {
      log = createWriteStream(path.join(this.options.logDir, `${name}.log`), { flags: 'a' });
      this.logs.set(name, log);
    }
    return log;
  }

  private async waitHealthy(name: ProcessName, exited: Promise<number | null>): Promise<void> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 60_000);
    let dead: number | null | undefined;
    void exited.then((code) => (dead = code));
    while (Date.now() < deadline) {
      if (dead !== undefined) throw new Error(`${name} exited with ${String(dead)} while starting (see ${path.join(this.options.logDir, `${name}.log`)})`);
      try {
        const response = await fetch(`${this.url(name)}/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${name} did not become healthy within ${this.options.startTimeoutMs ?? 60_000} ms (see ${this.options.logDir}/${name}.log)`);
  }
}
