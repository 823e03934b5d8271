// Topics are created by the code that needs them, with an explicit partition count: relying on the
// broker's auto-creation would give a single partition and cap a consumer group at one instance.
import type { Admin, Kafka } from 'kafkajs';

export interface TopicSettings {
  /** partitions of topics this lib creates; consumers scale up to this count. */
  partitions: number;
  /** -1 = the broker's default.replication.factor. */
  replicationFactor: number;
}

const CREATE_ATTEMPTS = 6;
const CREATE_BACKOFF_MS = 250;

export async function ensureTopics(kafka: Kafka, topics: readonly string[], settings: TopicSettings): Promise<void> {
  assertSettings(settings);
  if (topics.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Bounded retries: processes starting together create the same topics at once, and the
    // broker answers metadata for a topic being created with UNKNOWN_TOPIC_OR_PARTITION or
    // LEADER_NOT_AVAILABLE for a moment; the next attempt sees it created.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await createMissing(admin, topics, settings);
        break;
      } catch (error) {
        if (attempt >= CREATE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, CREATE_BACKOFF_MS * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function createMissing(admin: Admin, topics: readonly string[], settings: TopicSettings): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor,
      })),
    });
  } catch (error) {
    // Another instance may have created it between listTopics and createTopics.
    if (!isAlreadyExists(error)) throw error;
  }
}

function isAlreadyExists(error: unknown): boolean {
  const type = (error as { type?: unknown; errors?: { type?: unknown }[] } | null)?.type;
  if (type === 'TOPIC_ALREADY_EXISTS') return true;
  const nested = (error as { errors?: { type?: unknown }[] } | null)?.errors;
  return Array.isArray(nested) && nested.length > 0 && nested.every((e) => e.type === 'TOPIC_ALREADY_EXISTS');
}

function assertSettings(settings: TopicSettings): void {
  if (!Number.isInteger(settings.partitions) || settings.partitions < 1 || settings.partitions > 1_000) {
    throw new Error(`partitions must be an integer in 1..1000, got ${settings.partitions}`);
  }
  if (!Number.isInteger(settings.replicationFactor) || (settings.replicationFactor < 1 && settings.replicationFactor !== -1)) {
    throw new Error(`replicationFactor must be -1 or a positive integer, got ${settings.replicationFactor}`);
  }
}
