// The Kafka leg: a local single-node KRaft broker (libs/platform/testing, deploy/kafka-local;
// the jars are fetched once from Maven Central and cached) for the duration of one measurement.
import { ensureKafkaLibs, startLocalKafka, type LocalKafka } from '@billing/testing';

export async function withLocalKafka<T>(log: (line: string) => void, work: (kafka: LocalKafka) => Promise<T>): Promise<T> {
  await ensureKafkaLibs();
  const kafka = await startLocalKafka({});
  log(`  Kafka ${kafka.kafkaVersion} (KRaft, local) at ${kafka.bootstrap}`);
  try {
    return await work(kafka);
  } finally {
    await kafka.stop();
  }
}
