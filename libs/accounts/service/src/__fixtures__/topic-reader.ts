// Collects the messages of a Kafka topic whose key is one of `keys`, until `done` says enough
// (or the timeout). A throwaway consumer group reading from the beginning: the topic is shared
// with other runs, so the test filters by the aggregate ids it created.
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface TopicMessage {
  key: string;
  headers: Record<string, string>;
  value: Record<string, unknown>;
}

export class TopicReader {
  private readonly messages: TopicMessage[] = [];
  private consumer: Consumer | undefined;

  private constructor(private readonly keys: Set<string>) {}

  static async start(brokers: string[], topic: string, keys: Iterable<string>): Promise<TopicReader> {
    const reader = new TopicReader(new Set(keys));
    const kafka = new Kafka({ clientId: 'accounts-test-reader', brokers, logLevel: logLevel.NOTHING });
    reader.consumer = kafka.consumer({ groupId: `accounts-test-${randomUUID()}`, maxWaitTimeInMs: 200 });
    await reader.consumer.connect();
    await reader.consumer.subscribe({ topics: [topic], fromBeginning: true });
    await reader.consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString() ?? '';
        if (!reader.keys.has(key)) return;
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        reader.messages.push({ key, headers, value: JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown> });
      },
    });
    return reader;
  }

  async waitFor(done: (messages: readonly TopicMessage[]) => boolean, timeoutMs: number): Promise<TopicMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.messages)) {
      if (Date.now() > deadline) throw new Error(`timed out with ${this.messages.length} messages: ${this.messages.map((m) => m.headers['event-type']).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [...this.messages];
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
