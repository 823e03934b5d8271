// Topic set-up for integration tests: each test file creates its own (uniqueName) topics.
import { Kafka, logLevel } from 'kafkajs';

function adminFor(brokers: string[]) {
  return new Kafka({ clientId: 'test-topics', brokers, logLevel: logLevel.NOTHING }).admin();
}

/** Creates the topics (if missing) and waits until every partition has a leader. */
export async function createTopics(brokers: string[], names: string[], partitions = 1): Promise<void> {
  const admin = adminFor(brokers);
  await admin.connect();
  try {
    await admin.createTopics({
      topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
      waitForLeaders: true,
      timeout: 30_000,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the topics; unknown topics are ignored. */
export async function deleteTopics(brokers: string[], names: string[]): Promise<void> {
  if (names.length === 0) return;
  const admin = adminFor(brokers);
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = names.filter((n) => existing.has(n));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } finally {
    await admin.disconnect();
  }
}
