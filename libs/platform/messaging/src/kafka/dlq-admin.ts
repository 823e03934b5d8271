// Listing and replaying a DLQ topic. Replay puts each dead letter back on its original topic (same
// key, value and headers), where every consumer group sees it again and all but the one that failed
// skip it through their inbox. A plain `replay` reads the DLQ as consumer group `<dlq>.replay` and
// commits after each record it put back, so it only ever takes what is new and a crashed replay
// resumes where it stopped. `replay --event-id` picks records regardless and moves nothing.
import type { Kafka } from 'kafkajs';
import { HEADERS, headerString } from '../wire.js';
import { readDeadLetter, replayOf, type DeadLetterInfo } from './dead-letter.js';
import type { SafeProducer } from './producer.js';
import { committedOffsets, readTopic, readUntilEnd, withAdmin, type ReadTopicOptions, type TopicRecord } from './read-topic.js';

export interface DlqEntry {
  partition: number;
  offset: string;
  key: string | undefined;
  eventId: string | undefined;
  eventType: string | undefined;
  deadLetter: DeadLetterInfo | undefined;
  /** before the replay group's position: a plain `replay` already put it back. */
  replayed: boolean;
}

export function replayGroupFor(dlqTopic: string): string {
  return `${dlqTopic}.replay`;
}

export async function listDlq(kafka: Kafka, dlqTopic: string, options: ReadTopicOptions): Promise<DlqEntry[]> {
  assertDlqTopic(dlqTopic);
  const markers = await withAdmin(kafka, (admin) => committedOffsets(admin, replayGroupFor(dlqTopic), dlqTopic));
  const records = await readTopic(kafka, dlqTopic, options);
  return records.map((record) => toEntry(record, markers));
}

export interface ReplayOptions extends ReadTopicOptions {
  /** only these events, whether or not replayed before; the replay position does not move. */
  eventIds?: readonly string[];
  /** report what would be replayed, produce nothing. */
  dryRun?: boolean;
}

export async function replayDlq(kafka: Kafka, producer: SafeProducer, dlqTopic: string, options: ReplayOptions): Promise<DlqEntry[]> {
  assertDlqTopic(dlqTopic);
  const wanted = options.eventIds && options.eventIds.length > 0 ? new Set(options.eventIds) : undefined;
  if (wanted || options.dryRun) {
    const entries = await listDlq(kafka, dlqTopic, options);
    const chosen = entries.filter((e) => (wanted ? e.eventId !== undefined && wanted.has(e.eventId) : !e.replayed));
    if (options.dryRun || chosen.length === 0) return chosen;
    const records = await readTopic(kafka, dlqTopic, options);
    const byPosition = new Map(records.map((r) => [`${r.partition}@${r.offset}`, r]));
    for (const entry of chosen) {
      const record = byPosition.get(`${entry.partition}@${entry.offset}`);
      if (record) await putBack(producer, dlqTopic, record);
    }
    return chosen;
  }
  const replayed = await readUntilEnd(kafka, dlqTopic, {
    ...options,
    groupId: replayGroupFor(dlqTopic),
    onRecord: (record) => putBack(producer, dlqTopic, record),
  });
  return replayed.map((record) => ({ ...toEntry(record, new Map()), replayed: true }));
}

async function putBack(producer: SafeProducer, dlqTopic: string, record: TopicRecord): Promise<void> {
  const info = readDeadLetter(record.headers);
  if (!info) throw new Error(`${dlqTopic} ${record.partition}@${record.offset} has no dlq-original-topic header`);
  await producer.send(info.originalTopic, [replayOf(record, `${dlqTopic}:${record.partition}:${record.offset}`)]);
}

function toEntry(record: TopicRecord, markers: Map<number, bigint>): DlqEntry {
  return {
    partition: record.partition,
    offset: record.offset.toString(),
    key: record.key?.toString('utf8'),
    eventId: headerString(record.headers, HEADERS.eventId),
    eventType: headerString(record.headers, HEADERS.eventType),
    deadLetter: readDeadLetter(record.headers),
    replayed: record.offset < (markers.get(record.partition) ?? 0n),
  };
}

function assertDlqTopic(topic: string): void {
  if (!topic.endsWith('.dlq')) throw new Error(`${topic} is not a DLQ topic (expected "<topic>.dlq")`);
}
