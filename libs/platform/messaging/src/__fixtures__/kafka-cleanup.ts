// Test files remove what they created on the shared broker: their topics (with the DLQs) and
// consumer groups.
import { Kafka, logLevel } from 'kafkajs';
import { dlqTopicFor } from '@billing/contracts';
import { deleteTopics, testKafkaBrokers } from '@billing/testing';

export interface KafkaCleanup {
  topic(name: string): string;
  group(name: string): string;
  run(): Promise<void>;
}

export function kafkaCleanup(brokers: string[] = testKafkaBrokers()): KafkaCleanup {
  const topics = new Set<string>();
  const groups = new Set<string>();
  return {
    topic(name) {
      topics.add(name).add(dlqTopicFor(name));
      return name;
    },
    group(name) {
      groups.add(name);
      return name;
    },
    async run() {
      const admin = new Kafka({ clientId: 'messaging-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        // Groups first: a group's offsets for a deleted topic would linger otherwise.
        if (groups.size > 0) await admin.deleteGroups([...groups]).catch(() => undefined);
      } finally {
        await admin.disconnect();
      }
      await deleteTopics(brokers, [...topics]);
    },
  };
}
