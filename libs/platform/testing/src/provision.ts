// One real PostgreSQL and one real Kafka broker per test run (docs/ARCHITECTURE.md, Tests), in this order:
//   DATABASE_URL / KAFKA_BROKERS  →  testcontainers, if a Docker engine answers  →
//   embedded PostgreSQL (npm) / local KRaft broker (Maven Central, deploy/kafka-local).
// Both are started in parallel and handed to the Jest workers as TEST_DATABASE_URL and
// TEST_KAFKA_BROKERS. The Jest global setup and teardown run in the same Node process; the state
// between them lives on globalThis. Temp dirs are removed by teardown, and by a watcher process
// if the run is killed before teardown (reaper.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@billing/postgres';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { detectDockerEngine, type DockerEndpoint } from './docker.js';
import { startLocalKafka } from './kafka-local.js';
import { reapOnParentExit } from './reaper.js';

interface Resource {
  name: 'PostgreSQL' | 'Kafka';
  description: string;
  stop(): Promise<void>;
}

interface State {
  resources: Resource[];
}

const STATE_KEY = Symbol.for('@billing/testing:infrastructure');
type GlobalWithState = typeof globalThis & { [STATE_KEY]?: State };

function say(line: string): void {
  process.stdout.write(`[test-infra] ${line}\n`);
}

function seconds(sinceMs: number): string {
  const tenths = Math.round((Date.now() - sinceMs) / 100);
  return `${Math.floor(tenths / 10)}.${tenths % 10} s`;
}

export async function provisionTestInfrastructure(): Promise<void> {
  const started = Date.now();
  const g = globalThis as GlobalWithState;
  if (g[STATE_KEY]) await teardownTestInfrastructure();
  process.stdout.write('\n');

  const needsLocal = !process.env.DATABASE_URL || !process.env.KAFKA_BROKERS;
  const docker = needsLocal ? detectDockerEngine() : Promise.resolve(undefined);

  const [postgres, kafka] = await Promise.allSettled([provisionPostgres(docker), provisionKafka(docker)]);
  const resources = [postgres, kafka].flatMap((r) => (r.status === 'fulfilled' ? [r.value.resource] : []));
  const failures = [postgres, kafka].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) {
    await Promise.allSettled(resources.map((r) => r.stop()));
    const message = failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n\n');
    throw new Error(`[test-infra] provisioning failed:\n${message}`);
  }
  if (postgres.status !== 'fulfilled' || kafka.status !== 'fulfilled') throw new Error('unreachable');

  g[STATE_KEY] = { resources };
  process.env.TEST_DATABASE_URL = postgres.value.url;
  process.env.TEST_KAFKA_BROKERS = kafka.value.brokers.join(',');
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  say(`ready in ${seconds(started)}`);
}

export async function teardownTestInfrastructure(): Promise<void> {
  const g = globalThis as GlobalWithState;
  const state = g[STATE_KEY];
  if (!state) return;
  delete g[STATE_KEY];
  const started = Date.now();
  const results = await Promise.allSettled(state.resources.map((r) => r.stop()));
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      process.stderr.write(`[test-infra] stopping ${state.resources[i]?.name} failed: ${reason}\n`);
    }
  });
  say(`stopped in ${seconds(started)}`);
}

// ---- PostgreSQL --------------------------------------------------------------------------------

async function provisionPostgres(docker: Promise<DockerEndpoint | undefined>): Promise<{ url: string; resource: Resource }> {
  const started = Date.now();
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    const version = await checkPostgres(fromEnv);
    say(`PostgreSQL: DATABASE_URL ${redact(fromEnv)} (server ${version})`);
    return { url: fromEnv, resource: { name: 'PostgreSQL', description: 'DATABASE_URL', stop: async () => undefined } };
  }

  const engine = await docker;
  if (engine) {
    try {
      const { startPostgresContainer } = await import('./containers.js');
      const container = await startPostgresContainer();
      const version = await checkPostgres(container.url);
      say(`PostgreSQL: ${container.description} (server ${version}, ${seconds(started)})`);
      return { url: container.url, resource: { name: 'PostgreSQL', ...container } };
    } catch (error) {
      say(`PostgreSQL: Docker at ${engine.endpoint} answered but the container failed (${describe(error)}); using embedded`);
    }
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'billing-test-pg-'));
  try {
    const server = await startEmbeddedPostgres({
      dataDir,
      durable: false,
      startTimeoutMs: 60_000,
      settings: { max_connections: 200 },
    });
    const reaper = reapOnParentExit({ pid: server.pid, signal: 'INT', graceSeconds: 10, removeDir: dataDir });
    say(`PostgreSQL: embedded ${server.serverVersion} on ${server.host}:${server.port} (${seconds(started)})`);
    return {
      url: server.url,
      resource: {
        name: 'PostgreSQL',
        description: `embedded ${server.serverVersion}`,
        stop: async () => {
          reaper.cancel();
          try {
            await server.stop();
          } finally {
            await rm(dataDir, { recursive: true, force: true });
          }
        },
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function checkPostgres(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } catch (error) {
    throw new Error(`PostgreSQL at ${redact(url)} does not answer: ${describe(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---- Kafka -------------------------------------------------------------------------------------

async function provisionKafka(docker: Promise<DockerEndpoint | undefined>): Promise<{ brokers: string[]; resource: Resource }> {
  const started = Date.now();
  const fromEnv = process.env.KAFKA_BROKERS;
  if (fromEnv) {
    const brokers = fromEnv.split(',').map((b) => b.trim()).filter(Boolean);
    await checkKafka(brokers);
    say(`Kafka: KAFKA_BROKERS ${brokers.join(',')}`);
    return { brokers, resource: { name: 'Kafka', description: 'KAFKA_BROKERS', stop: async () => undefined } };
  }

  const engine = await docker;
  if (engine) {
    try {
      const { startKafkaContainer } = await import('./containers.js');
      const container = await startKafkaContainer();
      await checkKafka(container.brokers);
      say(`Kafka: ${container.description} (${seconds(started)})`);
      return { brokers: container.brokers, resource: { name: 'Kafka', ...container } };
    } catch (error) {
      say(`Kafka: Docker at ${engine.endpoint} answered but the container failed (${describe(error)}); using the local KRaft broker`);
    }
  }

  const broker = await startLocalKafka({ startTimeoutMs: 90_000 });
  say(`Kafka: local KRaft ${broker.kafkaVersion} on ${broker.bootstrap} (pid ${broker.pid}, ${seconds(started)})`);
  return { brokers: broker.brokers, resource: { name: 'Kafka', description: `local KRaft ${broker.kafkaVersion}`, stop: () => broker.stop() } };
}

async function checkKafka(brokers: string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'test-infra',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    retry: { retries: 3, initialRetryTime: 300 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`Kafka at ${brokers.join(',')} does not answer: ${describe(error)}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

// ---- helpers -----------------------------------------------------------------------------------

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
