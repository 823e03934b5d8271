// Reads a topic up to the high watermarks seen when the read began: the snapshot a DLQ listing or
// replay works on. kafkajs has no group-less fetch, so reads go through a consumer group: a
// throwaway one that never commits (listing), or a named one that commits each record after
// `onRecord` succeeded (replay, which thereby remembers how far it got).
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import type { RawHeaders } from '../wire.js';

export interface TopicRecord {
  partition: number;
  offset: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: RawHeaders | undefined;
  timestamp: string;
}

export interface ReadTopicOptions {
  /** stop after this many records (bounded memory and work). */
  limit: number;
  /** give up waiting for the remaining records after this long. */
  timeoutMs: number;
}

export interface ReadUntilEndOptions extends ReadTopicOptions {
  /** a named group reads from its committed offsets and commits after each onRecord. */
  groupId?: string;
  onRecord?: (record: TopicRecord) => Promise<void>;
}

export function readTopic(kafka: Kafka, topic: string, options: ReadTopicOptions): Promise<TopicRecord[]> {
  return readUntilEnd(kafka, topic, options);
}

export async function readUntilEnd(kafka: Kafka, topic: string, options: ReadUntilEndOptions): Promise<TopicRecord[]> {
  if (!(options.limit >= 1 && options.limit <= 1_000_000)) throw new Error(`limit out of range: ${options.limit}`);
  const committing = options.groupId !== undefined;
  const groupId = options.groupId ?? `${topic}.inspect.${randomUUID()}`;
  const pending = await partitionsToRead(kafka, topic, committing ? groupId : undefined);
  if (pending.size === 0) return [];
  const records: TopicRecord[] = [];
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 500 });
  let finish: (error?: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    finish = (error?: unknown) => (error === undefined ? resolve() : reject(error));
  });
  const timer = setTimeout(() => finish(), options.timeoutMs);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, uncommittedOffsets }) => {
        const high = pending.get(batch.partition);
        if (high === undefined) return;
        try {
          for (const message of batch.messages) {
            const offset = BigInt(message.offset);
            if (offset >= high || records.length >= options.limit) break;
            const record: TopicRecord = {
              partition: batch.partition,
              offset,
              key: message.key,
              value: message.value,
              headers: message.headers as RawHeaders | undefined,
              timestamp: message.timestamp,
            };
            await options.onRecord?.(record);
            records.push(record);
            resolveOffset(message.offset);
            if (committing) await commitOffsetsIfNecessary(uncommittedOffsets());
            if (offset + 1n >= high) pending.delete(batch.partition);
          }
        } catch (error) {
          finish(error);
          return;
        }
        if (pending.size === 0 || records.length >= options.limit) finish();
      },
    });
    await finished;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    if (!committing) await deleteGroup(kafka, groupId);
  }
  if (pending.size > 0 && records.length < options.limit) {
    throw new Error(`timed out reading ${topic}: partitions ${[...pending.keys()].join(',')} incomplete`);
  }
  return records.sort((a, b) => a.partition - b.partition || (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
}

/** Partition → high watermark, for partitions with something left to read (for `groupId`: past its commit). */
async function partitionsToRead(kafka: Kafka, topic: string, groupId: string | undefined): Promise<Map<number, bigint>> {
  return withAdmin(kafka, async (admin) => {
    const offsets = await admin.fetchTopicOffsets(topic);
    const committed = groupId ? await committedOffsets(admin, groupId, topic) : new Map<number, bigint>();
    const pending = new Map<number, bigint>();
    for (const { partition, low, high } of offsets) {
      const start = committed.get(partition) ?? BigInt(low);
      if (BigInt(high) > start) pending.set(partition, BigInt(high));
    }
    return pending;
  });
}

/** Next offset per partition a group would read (absent = nothing committed). */
export async function committedOffsets(admin: Admin, groupId: string, topic: string): Promise<Map<number, bigint>> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const result = new Map<number, bigint>();
  for (const { partition, offset } of entry?.partitions ?? []) {
    if (BigInt(offset) >= 0n) result.set(partition, BigInt(offset));
  }
  return result;
}

export async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  // Best effort: an empty group without offsets expires on its own.
  await withAdmin(kafka, (admin) => admin.deleteGroups([groupId])).catch(() => undefined);
}
