// `npm run start:distributed`: the whole distributed topology on one machine without Docker —
// an embedded PostgreSQL (DATA_DIR/distributed), a local KRaft broker (deploy/kafka-local, Java
// 17), and the five processes built from this checkout (tools/prestart.mjs builds dist/ first). DATABASE_URL / KAFKA_BROKERS use
// servers you already have instead. Ctrl-C stops everything in order.
import { CONFIG_VARIABLES } from '@billing/gateway';
import { NOTIFICATIONS_ENV_VARIABLES } from '@billing/notifications-service';
import { startLocalKafka } from '@billing/testing';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../../apps/standalone/src/embedded-database.js';
import { consecutivePorts, Topology } from '@billing/topology';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, 'data'), 'distributed');
const basePort = Number(process.env.PORT ?? 3000);

async function main(): Promise<void> {
  await mkdir(dataDir, { recursive: true });

  const database = await openDatabase(process.env.DATABASE_URL, dataDir);
  const kafka = process.env.KAFKA_BROKERS === undefined ? await startLocalKafka({ dataDir: path.join(dataDir, 'kafka'), removeDataDirOnStop: false }) : undefined;
  const { secrets: generated, created } = await generatedSecrets(path.join(dataDir, 'secrets.json'));
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && PASSED_THROUGH.includes(entry[0])));
  const topology = await Topology.start({
    buildDir: path.join(root, 'dist'),
    databaseUrl: database.url,
    kafkaBrokers: process.env.KAFKA_BROKERS ?? kafka!.bootstrap,
    ports: consecutivePorts(basePort),
    switchApiKey: process.env.SWITCH_API_KEY ?? generated.switchApiKey,
    jwtSecret: process.env.JWT_SECRET ?? generated.jwtSecret,
    internalServiceKey: process.env.INTERNAL_SERVICE_KEY ?? generated.internalServiceKey,
    adminPassword: process.env.ADMIN_PASSWORD ?? generated.adminPassword,
    env,
    logDir: path.join(dataDir, 'logs'),
  });
  console.log(
    [
      '',
      'ITC billing is running (distributed: five processes, Kafka between them)',
      `  portal     http://localhost:${basePort}/ (the gateway serves dist/portal, or PORTAL_DIR)`,
      `  API        http://localhost:${basePort}/api/v1 (gateway; services on ports ${basePort + 1}–${basePort + 4})`,
      `  database   ${database.description}`,
      `  Kafka      ${kafka === undefined ? process.env.KAFKA_BROKERS : `local KRaft broker ${kafka.bootstrap}`}`,
      `  logs       ${path.join(dataDir, 'logs')}/<process>.log`,
      ...(created && process.env.ADMIN_PASSWORD === undefined ? [`  admin      ${process.env.ADMIN_USERNAME ?? 'admin'} / ${generated.adminPassword} (generated, shown once)`] : []),
      ...(created && process.env.SWITCH_API_KEY === undefined ? [`  switch key ${generated.switchApiKey} (generated, shown once)`] : []),
      ...(created ? [`  (kept for the next start in ${path.join(dataDir, 'secrets.json')}; set ADMIN_PASSWORD / SWITCH_API_KEY / JWT_SECRET / INTERNAL_SERVICE_KEY to override)`] : []),
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the processes, then Kafka and PostgreSQL`);
    await topology.stop();
    await kafka?.stop();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

interface Secrets {
  switchApiKey: string;
  jwtSecret: string;
  adminPassword: string;
  /** the services' credential on each other's internal routes (never printed: no person needs it). */
  internalServiceKey: string;
}

/** The secrets all five processes share, generated on the first start and kept (0600) in DATA_DIR. */
async function generatedSecrets(file: string): Promise<{ secrets: Secrets; created: boolean }> {
  const internalServiceKey = () => `isk_${randomBytes(32).toString('base64url')}`;
  if (existsSync(file)) {
    const kept = JSON.parse(await readFile(file, 'utf8')) as Partial<Secrets> & Omit<Secrets, 'internalServiceKey'>;
    if (kept.internalServiceKey !== undefined) return { secrets: kept as Secrets, created: false };
    // a file from before INTERNAL_SERVICE_KEY: add one, keep the rest
    const secrets: Secrets = { ...kept, internalServiceKey: internalServiceKey() };
    await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
    return { secrets, created: false };
  }
  const secrets: Secrets = {
    switchApiKey: `sk_${randomBytes(24).toString('base64url')}`,
    jwtSecret: randomBytes(48).toString('base64url'),
    adminPassword: randomBytes(12).toString('base64url'),
    internalServiceKey: internalServiceKey(),
  };
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  return { secrets, created: true };
}

/** variables handed to every process as they are; the topology then sets its own (ports, URLs, secrets). */
const PASSED_THROUGH: readonly string[] = [...CONFIG_VARIABLES, ...NOTIFICATIONS_ENV_VARIABLES, 'MAX_CALL_SECONDS'];

main().catch((error: unknown) => {
  console.error('start:distributed failed:', error);
  process.exit(1);
});
