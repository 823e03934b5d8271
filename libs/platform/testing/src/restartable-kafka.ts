// A broker of our own that can be stopped and started again with its data, for the "broker down
// while the relay publishes" test. @billing/testing's startLocalKafka formats a fresh data dir on
// every start, which would be a new cluster rather than a restart, so this fixture spawns the JVM
// itself with the same jars, templates and ports. It never touches the run's shared broker.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePorts } from './free-port.js';
import { ensureKafkaLibs, findKafkaLocalHome, waitForExit } from './kafka-local.js';

export interface RestartableKafka {
  bootstrap: string;
  /** SIGTERM (bounded, then SIGKILL); the data dir stays. */
  stop(): Promise<void>;
  /** the same broker again: same ports, same data, no format. */
  start(): Promise<void>;
  /** stop and remove the data dir. */
  destroy(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

export async function startRestartableKafka(): Promise<RestartableKafka> {
  const home = findKafkaLocalHome();
  const libs = await ensureKafkaLibs({ homeDir: home });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'messaging-kafka-'));
  const [port, controllerPort] = (await freePorts(2)) as [number, number];
  const template = await readFile(path.join(home, 'server.properties'), 'utf8');
  const properties = path.join(dataDir, 'server.properties');
  await mkdir(path.join(dataDir, 'logs'));
  await writeFile(
    properties,
    template
      .replaceAll(':19092', `:${port}`)
      .replaceAll(':19093', `:${controllerPort}`)
      .replaceAll('__DATA_DIR__', path.join(dataDir, 'logs')),
  );
  const log4j = `-Dlog4j2.configurationFile=${path.join(home, 'log4j2.properties')}`;
  const clusterId = randomBytes(16).toString('base64url').replace(/^-/, 'A');
  const format = spawn('java', ['-Xmx128m', '-cp', `${libs}/*`, log4j, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties], {
    stdio: 'ignore',
  });
  if ((await waitForExit(format, START_TIMEOUT_MS)) !== 0) throw new Error(`kafka storage format failed in ${dataDir}`);

  const bootstrap = `127.0.0.1:${port}`;
  let broker: ChildProcess | undefined;
  const killOnExit = () => broker?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const start = async () => {
    if (broker && broker.exitCode === null && broker.signalCode === null) throw new Error('broker already running');
    const logFd = openSync(path.join(dataDir, 'broker.log'), 'a');
    try {
      broker = spawn('java', ['-Xms256m', '-Xmx512m', log4j, '-cp', `${libs}/*`, 'kafka.Kafka', properties], {
        stdio: ['ignore', logFd, logFd],
      });
    } finally {
      closeSync(logFd);
    }
    broker.unref();
    await waitUntilReady(bootstrap, broker, dataDir);
  };
  const stop = async () => {
    const running = broker;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    running.kill('SIGTERM');
    if ((await waitForExit(running, STOP_TIMEOUT_MS)) === 'timeout') {
      running.kill('SIGKILL');
      await waitForExit(running, 5_000);
    }
  };
  await start();
  return {
    bootstrap,
    stop,
    start,
    async destroy() {
      await stop();
      process.removeListener('exit', killOnExit);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(bootstrap: string, broker: ChildProcess, dataDir: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'readiness', brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (broker.exitCode !== null || broker.signalCode !== null) break;
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.controller !== null) return;
    } catch {
      // not up yet
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const log = readFileSync(path.join(dataDir, 'broker.log'), 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`broker ${bootstrap} not ready:\n${log}`);
}

