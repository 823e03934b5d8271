// PostgreSQL and Kafka in containers (testcontainers 11), for machines where a Docker engine
// answers (docs/ARCHITECTURE.md, Tests). Loaded lazily: testcontainers is only imported when it is used.
// The images are the ones of docker-compose.yml; override with TEST_POSTGRES_IMAGE / TEST_KAFKA_IMAGE.
import { freePort } from './free-port.js';

export interface ContainerResource {
  description: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 180_000; // includes a first image pull

export async function startPostgresContainer(): Promise<ContainerResource & { url: string }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const image = process.env.TEST_POSTGRES_IMAGE ?? 'postgres:18';
  const container = await new GenericContainer(image)
    .withEnvironment({ POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'postgres' })
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'])
    .withTmpFs({ '/var/lib/postgresql': 'rw' })
    .withExposedPorts(5432)
    // The image's entrypoint runs a temporary server for initialisation first: wait for the second one.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  const host = container.getHost();
  const port = container.getMappedPort(5432);
  return {
    url: `postgres://postgres:postgres@${host}:${port}/postgres`,
    description: `testcontainers ${image} on ${host}:${port}`,
    stop: async () => {
      await container.stop({ timeout: 5_000 });
    },
  };
}

export async function startKafkaContainer(): Promise<ContainerResource & { brokers: string[] }> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const image = process.env.TEST_KAFKA_IMAGE ?? 'apache/kafka:4.1.0';
  // Clients must reach the broker at the address it advertises, so the host port is fixed up
  // front (same number inside and outside is not needed: 9092 inside, `port` outside).
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  const port = await freePort();
  const container = await new GenericContainer(image)
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '1',
      KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
    })
    .withExposedPorts({ container: 9092, host: port })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  return {
    brokers: [`${host}:${port}`],
    description: `testcontainers ${image} on ${host}:${port}`,
    stop: async () => {
      await container.stop({ timeout: 10_000 });
    },
  };
}
