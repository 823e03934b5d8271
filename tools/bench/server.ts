// The PostgreSQL the run measures on: DATABASE_URL if set, else an embedded server (durable
// settings: fsync and synchronous_commit on) in a temp dir, stopped and removed at the end.
// Each store gets fresh databases of its own on it. Databases, not schemas: Emmett creates its
// tables and functions unqualified (search_path) and skips CREATE FUNCTION when a function of
// that name exists in *any* schema of the database, so two Emmett schemas in one database
// would share or miss functions.
import { startEmbeddedPostgres, quoteIdentifier } from '@billing/postgres';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ServerInfo {
  source: 'embedded' | 'DATABASE_URL';
  version: string;
  settings: Record<string, string>;
}

export interface BenchServer {
  info: ServerInfo;
  /** the embedded server's postmaster (CPU accounting); undefined with DATABASE_URL. */
  postmasterPid: number | undefined;
  /** A new empty database; its URL and a drop() that terminates its sessions and drops it. */
  freshDatabase(prefix: string): Promise<FreshDatabase>;
  /** pg_stat_wal now (cluster-wide: take it around a run of one store only). */
  walCounters(): Promise<WalCounters>;
  /** Drops what is left and stops the embedded server. */
  stop(): Promise<void>;
}

/** Cumulative WAL counters of the cluster (pg_stat_wal). */
export interface WalCounters {
  records: number;
  fullPageImages: number;
  bytes: number;
}

export interface FreshDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Server settings reported next to the numbers (they decide what "durable commit" costs). */
const REPORTED_SETTINGS = [
  'synchronous_commit',
  'fsync',
  'wal_sync_method',
  'full_page_writes',
  'shared_buffers',
  'max_wal_size',
  'max_connections',
  'jit',
];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function readInfo(url: string, source: ServerInfo['source']): Promise<ServerInfo> {
  return withClient(url, async (client) => {
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const rows = await client.query<{ name: string; setting: string }>(
      'SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1::text[]) ORDER BY name',
      [REPORTED_SETTINGS],
    );
    const settings: Record<string, string> = {};
    for (const row of rows.rows) settings[row.name] = row.setting;
    return { source, version: version.rows[0]?.server_version ?? 'unknown', settings };
  });
}

export async function startBenchServer(databaseUrl: string | undefined, log: (line: string) => void): Promise<BenchServer> {
  let adminUrl: string;
  let stopServer: () => Promise<void> = async () => undefined;
  let source: ServerInfo['source'];
  let postmasterPid: number | undefined;
  if (databaseUrl) {
    adminUrl = databaseUrl;
    source = 'DATABASE_URL';
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'billing-bench-pg-'));
    log(`starting embedded PostgreSQL in ${dataDir}`);
    // The empty temp dir itself is the cluster dir: the wrapper chowns it to the OS user postgres.
    const server = await startEmbeddedPostgres({ dataDir, durable: true });
    adminUrl = server.url;
    source = 'embedded';
    postmasterPid = server.pid;
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const info = await readInfo(adminUrl, source);
  const live = new Set<FreshDatabase>();

  const freshDatabase = async (prefix: string): Promise<FreshDatabase> => {
    const name = `bench_${prefix}_${randomBytes(4).toString('hex')}`;
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdentifier(name)}`)).catch((error: unknown) => {
      throw new Error(`cannot create database ${name} (the benchmark needs CREATEDB on DATABASE_URL): ${String(error)}`);
    });
    let dropped: Promise<void> | undefined;
    const db: FreshDatabase = {
      name,
      url: withDatabase(adminUrl, name),
      drop: () =>
        (dropped ??= (async () => {
          live.delete(db);
          await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
        })()),
    };
    live.add(db);
    return db;
  };

  const walCounters = (): Promise<WalCounters> =>
    withClient(adminUrl, async (c) => {
      const row = await c.query<{ wal_records: string; wal_fpi: string; wal_bytes: string }>(
        'SELECT wal_records::text, wal_fpi::text, wal_bytes::text FROM pg_stat_wal',
      );
      const r = row.rows[0];
      return { records: Number(r?.wal_records ?? 0), fullPageImages: Number(r?.wal_fpi ?? 0), bytes: Number(r?.wal_bytes ?? 0) };
    });

  return {
    info,
    postmasterPid,
    freshDatabase,
    walCounters,
    async stop() {
      for (const db of [...live]) await db.drop().catch((error: unknown) => log(`could not drop ${db.name}: ${String(error)}`));
      await stopServer();
    },
  };
}
