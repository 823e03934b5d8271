// A real single-node KRaft Kafka broker from Maven Central, started from Node (docs/ARCHITECTURE.md, Tests):
// the same files and data-dir layout as deploy/kafka-local/kafka-local.sh, but `java` is spawned
// directly so the PID we hold is the JVM's, readiness is a kafkajs describeCluster(), and every
// wait is bounded. Used by the test global setup and by `start:distributed`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { freePorts } from './free-port.js';
import { reapOnParentExit, type Reaper } from './reaper.js';

export interface LocalKafkaOptions {
  /** Broker data dir (server.properties, logs/, broker.log). Default: a fresh temp dir. */
  dataDir?: string;
  /** Client port on 127.0.0.1. Default: a free port. */
  port?: number;
  /** KRaft controller port on 127.0.0.1. Default: a free port. */
  controllerPort?: number;
  /** Remove dataDir on stop. Default: true when the dir was created here (temp), else false. */
  removeDataDirOnStop?: boolean;
  /** Bound for format + JVM start + first successful describeCluster. Default 60 000 ms. */
  startTimeoutMs?: number;
  /** SIGTERM, then SIGKILL after this long. Default 20 000 ms. */
  stopTimeoutMs?: number;
  /** Bound for the one-time Maven fetch of the broker jars. Default 600 000 ms. */
  fetchTimeoutMs?: number;
  /** JVM heap. Default `-Xms256m -Xmx512m`. */
  heap?: { initial: string; max: string };
  /**
   * Start fast (default true): C1-only JIT (-XX:TieredStopAtLevel=1) and an AppCDS class archive
   * (.cache/kafka-<version>.jsa, written at the first clean stop, used from then on). Together
   * they cut the broker's start from ~3.5 to ~1 CPU-second, which matters on 2 cores.
   */
  fastStartup?: boolean;
  /** Extra JVM flags (also read from KAFKA_LOCAL_JAVA_OPTS). */
  javaOptions?: string[];
  /** Kill the broker if this Node process dies without calling stop(). Default true. */
  killWithParent?: boolean;
  /** deploy/kafka-local. Default: KAFKA_LOCAL_HOME, else found upwards from this file and the cwd. */
  homeDir?: string;
}

export interface LocalKafka {
  /** `127.0.0.1:<port>` */
  bootstrap: string;
  /** `[bootstrap]`, ready for `new Kafka({ brokers })`. */
  brokers: string[];
  port: number;
  controllerPort: number;
  pid: number;
  dataDir: string;
  clusterId: string;
  /** e.g. `4.4.0` (from the jar name). */
  kafkaVersion: string;
  /** SIGTERM, bounded wait, SIGKILL; removes the data dir if configured. Idempotent. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Written into every data dir kafka-local starts; kafka-local.sh refuses to delete dirs without it. */
const MARKER = '.kafka-local';

/** deploy/kafka-local of this workspace (holds pom.xml, server.properties, log4j2.properties). */
export function findKafkaLocalHome(): string {
  const fromEnv = process.env.KAFKA_LOCAL_HOME;
  if (fromEnv) return path.resolve(fromEnv);
  const starts = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'deploy', 'kafka-local');
      if (existsSync(path.join(candidate, 'server.properties'))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('deploy/kafka-local not found above this file or the working directory: set KAFKA_LOCAL_HOME');
}

function libsDirOf(home: string): string {
  return process.env.KAFKA_LOCAL_LIBS ? path.resolve(process.env.KAFKA_LOCAL_LIBS) : path.join(home, '.cache', 'libs');
}

function kafkaJarVersion(libsDir: string): string | undefined {
  if (!existsSync(libsDir)) return undefined;
  const jar = readdirSync(libsDir).find((f) => /^kafka_2\.13-.+\.jar$/.test(f));
  return jar?.replace(/^kafka_2\.13-/, '').replace(/\.jar$/, '');
}

/**
 * The broker jars in deploy/kafka-local/.cache/libs, fetched once with Maven through
 * `kafka-local.sh fetch` when missing. Returns the libs directory.
 */
export async function ensureKafkaLibs(options: { homeDir?: string; fetchTimeoutMs?: number } = {}): Promise<string> {
  const home = options.homeDir ?? findKafkaLocalHome();
  const libsDir = libsDirOf(home);
  if (kafkaJarVersion(libsDir)) return libsDir;
  const timeoutMs = options.fetchTimeoutMs ?? 600_000;
  console.log(`[kafka-local] broker jars missing: fetching them once with Maven into ${libsDir} (up to ${timeoutMs / 1000} s)`);
  const script = path.join(home, 'kafka-local.sh');
  const output: string[] = [];
  const child = spawn('bash', [script, 'fetch'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
  const code = await waitForExit(child, timeoutMs);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    throw new Error(`fetching the Kafka jars took longer than ${timeoutMs} ms:\n${output.join('').slice(-3000)}`);
  }
  if (code !== 0 || !kafkaJarVersion(libsDir)) {
    throw new Error(`fetching the Kafka jars failed (kafka-local.sh fetch exited ${String(code)}):\n${output.join('').slice(-3000)}`);
  }
  return libsDir;
}

export async function startLocalKafka(options: LocalKafkaOptions = {}): Promise<LocalKafka> {
  const home = options.homeDir ?? findKafkaLocalHome();
  const libsDir = await ensureKafkaLibs({ homeDir: home, fetchTimeoutMs: options.fetchTimeoutMs });
  const kafkaVersion = kafkaJarVersion(libsDir) ?? 'unknown';
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + startTimeoutMs;
  const template = await readFile(path.join(home, 'server.properties'), 'utf8');
  if (!template.includes('__DATA_DIR__')) throw new Error(`${home}/server.properties has no __DATA_DIR__ placeholder`);

  const ownDir = options.dataDir === undefined;
  const dataDir = ownDir ? await mkdtemp(path.join(os.tmpdir(), 'kafka-local-')) : path.resolve(options.dataDir as string);
  const removeDataDir = options.removeDataDirOnStop ?? ownDir;
  const autoPorts = options.port === undefined || options.controllerPort === undefined;
  const fast = options.fastStartup ?? true;

  try {
    for (const fixed of [options.port, options.controllerPort]) {
      if (fixed !== undefined && !(await portIsFree(fixed))) {
        throw new Error(`local Kafka: port ${fixed} on ${HOST} is already in use (leave the port unset to get a free one)`);
      }
    }
    for (let attempt = 1; ; attempt += 1) {
      const [freeA, freeB] = autoPorts ? await freePorts(2) : [];
      const port = options.port ?? (freeA as number);
      const controllerPort = options.controllerPort ?? (options.port === undefined ? (freeB as number) : (freeA as number));
      await prepareDataDir(dataDir, template, port, controllerPort);
      const clusterId = randomClusterId();
      const cds = fast ? classDataSharing(libsDir, kafkaVersion) : undefined;
      await formatStorage(home, libsDir, dataDir, clusterId, deadline, cds?.useFlags ?? []);
      const broker = spawnBroker(home, libsDir, dataDir, options, [...(fast ? ['-XX:TieredStopAtLevel=1'] : []), ...(cds?.brokerFlags ?? [])]);
      // Same layout as kafka-local.sh, so `kafka-local.sh status|stop --data-dir` work on it too.
      await writeFile(path.join(dataDir, 'broker.pid'), `${broker.pid ?? ''}\n`);
      const reaper =
        options.killWithParent === false || broker.pid === undefined
          ? undefined
          : reapOnParentExit({ pid: broker.pid, signal: 'TERM', graceSeconds: 10, removeDir: removeDataDir ? dataDir : undefined });
      const ready = await waitUntilReady(broker, port, clusterId, deadline);
      if (ready === 'ready') {
        return handle({ broker, reaper, cds, port, controllerPort, dataDir, clusterId, kafkaVersion, removeDataDir, stopTimeoutMs: options.stopTimeoutMs ?? 20_000 });
      }
      reaper?.cancel();
      if (broker.exitCode === null && broker.signalCode === null) {
        broker.kill('SIGKILL');
        await waitForExit(broker, 5_000);
      }
      await cds?.afterExit(false);
      const log = await tailOfLog(dataDir);
      const portClash = /Address already in use|BindException/i.test(log);
      if (ready === 'exited' && portClash && autoPorts && attempt < 3) continue;
      const reason = ready === 'timeout' ? `was not ready within ${startTimeoutMs} ms` : `exited during start (code ${String(broker.exitCode)})`;
      throw new Error(`local Kafka on ${HOST}:${port} (data dir ${dataDir}) ${reason}. Last broker output:\n${log}`);
    }
  } catch (error) {
    if (removeDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function prepareDataDir(dataDir: string, template: string, port: number, controllerPort: number): Promise<void> {
  if (existsSync(dataDir)) {
    const entries = await readdir(dataDir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`${dataDir} is not empty and was not created by kafka-local: refusing to use it`);
    }
    const running = runningBrokerPid(dataDir);
    if (running !== undefined) throw new Error(`a kafka-local broker (pid ${running}) is already running with data dir ${dataDir}`);
    // A fresh broker every start (same as kafka-local.sh): our own stale data is wiped.
    for (const entry of entries) await rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
  await mkdir(path.join(dataDir, 'logs'), { recursive: true });
  await writeFile(path.join(dataDir, MARKER), '');
  const properties = template
    .replaceAll(':19092', `:${port}`)
    .replaceAll(':19093', `:${controllerPort}`)
    .replaceAll('__DATA_DIR__', path.join(dataDir, 'logs'));
  await writeFile(path.join(dataDir, 'server.properties'), properties);
}

/** The pid in <dataDir>/broker.pid if that process is alive and is the JVM of this data dir. */
function runningBrokerPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path.join(dataDir, 'broker.pid'), 'utf8'), 10);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    const cmdline = `/proc/${pid}/cmdline`;
    if (existsSync(cmdline) && !readFileSync(cmdline, 'utf8').includes(path.join(dataDir, 'server.properties'))) return undefined;
    return pid;
  } catch {
    return undefined;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

/** A Kafka Uuid as `kafka-storage random-uuid` prints it: 16 random bytes, base64url, no padding. */
function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

async function formatStorage(home: string, libsDir: string, dataDir: string, clusterId: string, deadline: number, jvmFlags: string[]): Promise<void> {
  const output: string[] = [];
  const child = spawn(
    javaBinary(),
    [
      '-Xmx128m',
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      ...jvmFlags,
      '-cp',
      `${libsDir}/*`,
      `-Dlog4j2.configurationFile=${path.join(home, 'log4j2.properties')}`,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      path.join(dataDir, 'server.properties'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
  const spawnError = new Promise<never>((_, reject) => child.once('error', (e) => reject(new Error(`cannot run ${javaBinary()} (Java 17+ is needed): ${e.message}`))));
  const code = await Promise.race([waitForExit(child, Math.max(1_000, deadline - Date.now())), spawnError]);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    throw new Error(`kafka-storage format did not finish in time:\n${output.join('')}`);
  }
  if (code !== 0) throw new Error(`kafka-storage format failed (exit ${String(code)}):\n${output.join('')}`);
}

function spawnBroker(home: string, libsDir: string, dataDir: string, options: LocalKafkaOptions, jvmFlags: string[]): ChildProcess {
  const heap = options.heap ?? { initial: '256m', max: '512m' };
  const extra = [...(process.env.KAFKA_LOCAL_JAVA_OPTS?.split(/\s+/).filter(Boolean) ?? []), ...(options.javaOptions ?? [])];
  // The broker writes straight into broker.log (a file, not a pipe): nothing to drain, readable after a failure.
  const logFd = openSync(path.join(dataDir, 'broker.log'), 'a');
  try {
    const child = spawn(
      javaBinary(),
      [
        `-Xms${heap.initial}`,
        `-Xmx${heap.max}`,
        '-XX:+ExitOnOutOfMemoryError',
        '-Djava.awt.headless=true',
        ...jvmFlags,
        ...extra,
        `-Dlog4j2.configurationFile=${path.join(home, 'log4j2.properties')}`,
        '-cp',
        `${libsDir}/*`,
        'kafka.Kafka',
        path.join(dataDir, 'server.properties'),
      ],
      { stdio: ['ignore', logFd, logFd] },
    );
    child.on('error', () => undefined); // surfaces as an early exit in waitUntilReady
    child.unref(); // the run must not hang on the broker; stop() and the reaper end it
    return child;
  } finally {
    closeSync(logFd);
  }
}

type Readiness = 'ready' | 'exited' | 'timeout';

async function waitUntilReady(broker: ChildProcess, port: number, clusterId: string, deadline: number): Promise<Readiness> {
  const kafka = new Kafka({
    clientId: 'kafka-local-readiness',
    brokers: [`${HOST}:${port}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  });
  while (Date.now() < deadline) {
    if (broker.exitCode !== null || broker.signalCode !== null || broker.pid === undefined) return 'exited';
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      // The cluster id proves it is our broker answering, not another one on a reused port.
      if (cluster.clusterId === clusterId && cluster.brokers.length > 0 && cluster.controller !== null) return 'ready';
    } catch {
      // not listening yet
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return 'timeout';
}

function handle(c: {
  broker: ChildProcess;
  reaper: Reaper | undefined;
  cds: ClassDataSharing | undefined;
  port: number;
  controllerPort: number;
  dataDir: string;
  clusterId: string;
  kafkaVersion: string;
  removeDataDir: boolean;
  stopTimeoutMs: number;
}): LocalKafka {
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      c.reaper?.cancel();
      const { broker } = c;
      let clean = false;
      if (broker.exitCode === null && broker.signalCode === null) {
        broker.kill('SIGTERM');
        if ((await waitForExit(broker, c.stopTimeoutMs)) === 'timeout') {
          broker.kill('SIGKILL');
          await waitForExit(broker, 5_000);
        } else {
          clean = true;
        }
      }
      await c.cds?.afterExit(clean);
      if (c.removeDataDir) await rm(c.dataDir, { recursive: true, force: true });
    })());
  const bootstrap = `${HOST}:${c.port}`;
  return {
    bootstrap,
    brokers: [bootstrap],
    port: c.port,
    controllerPort: c.controllerPort,
    pid: c.broker.pid as number,
    dataDir: c.dataDir,
    clusterId: c.clusterId,
    kafkaVersion: c.kafkaVersion,
    stop,
  };
}

interface ClassDataSharing {
  /** For JVMs that only read the archive (the format tool). */
  useFlags: string[];
  /** For the broker: read the archive, or write it at exit when there is none yet. */
  brokerFlags: string[];
  /** Publishes a freshly written archive (after a clean exit) or discards it. */
  afterExit(clean: boolean): Promise<void>;
}

/**
 * AppCDS: the classes the broker loads, memory-mapped from an archive instead of parsed from
 * the jars at every start. The archive is written by the first broker that stops cleanly (to a
 * private temp name, then renamed, so concurrent runs never see a half-written file); a JVM that
 * finds it stale (other JDK build, other jars) ignores it with a warning and starts normally.
 */
function classDataSharing(libsDir: string, kafkaVersion: string): ClassDataSharing {
  const archive = path.join(path.dirname(libsDir), `kafka-${kafkaVersion}.jsa`);
  if (existsSync(archive)) {
    const flags = [`-XX:SharedArchiveFile=${archive}`];
    return { useFlags: flags, brokerFlags: flags, afterExit: async () => undefined };
  }
  removeAbandonedArchives(path.dirname(libsDir));
  const pending = `${archive}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return {
    useFlags: [],
    brokerFlags: [`-XX:ArchiveClassesAtExit=${pending}`],
    afterExit: async (clean) => {
      if (clean && existsSync(pending) && !existsSync(archive)) {
        await rename(pending, archive).catch(() => undefined);
      }
      await rm(pending, { force: true });
    },
  };
}

/** Archives a killed run dumped but never published (the reaper stops brokers with SIGTERM). */
function removeAbandonedArchives(dir: string): void {
  try {
    for (const name of readdirSync(dir)) {
      if (!/^kafka-.+\.jsa\..+\.tmp$/.test(name)) continue;
      const file = path.join(dir, name);
      if (Date.now() - statSync(file).mtimeMs > 10 * 60_000) rmSync(file, { force: true });
    }
  } catch {
    // best effort
  }
}

/** The child's exit code or signal, or 'timeout' after timeoutMs (also used by restartable-kafka). */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | string | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

async function tailOfLog(dataDir: string, lines = 30): Promise<string> {
  try {
    const text = readFileSync(path.join(dataDir, 'broker.log'), 'utf8');
    return text.split('\n').slice(-lines).map((l) => `  ${l}`).join('\n');
  } catch {
    return '  (no broker.log)';
  }
}
