// The Node wrapper of deploy/kafka-local on its own (the run's broker may come from KAFKA_BROKERS).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { startLocalKafka } from './index.js';

describe('startLocalKafka', () => {
  it('starts a broker whose PID is the JVM, answers, and stops (SIGTERM) removing its data dir', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'kafka-local-spec-'));
    const dataDir = path.join(parent, 'broker');
    try {
      const broker = await startLocalKafka({ dataDir, removeDataDirOnStop: true });
      try {
        expect(broker.bootstrap).toMatch(/^127\.0\.0\.1:\d+$/);
        expect(broker.controllerPort).not.toBe(broker.port);
        if (existsSync(`/proc/${broker.pid}/cmdline`)) {
          const cmdline = readFileSync(`/proc/${broker.pid}/cmdline`, 'utf8').split('\0');
          expect(path.basename(cmdline[0] ?? '')).toBe('java');
          expect(cmdline).toContain('kafka.Kafka');
          expect(cmdline).toContain('-Xmx512m');
        }
        const admin = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
        await admin.connect();
        const cluster = await admin.describeCluster();
        await admin.disconnect();
        expect(cluster.clusterId).toBe(broker.clusterId);
        expect(readFileSync(path.join(dataDir, 'server.properties'), 'utf8')).toContain(`listeners=PLAINTEXT://127.0.0.1:${broker.port},CONTROLLER://127.0.0.1:${broker.controllerPort}`);
      } finally {
        await broker.stop();
      }
      expect(() => process.kill(broker.pid, 0)).toThrow();
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
