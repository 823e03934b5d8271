// Provisioning for the test run. Exposes TEST_DATABASE_URL and TEST_KAFKA_BROKERS to workers.
// TODO(platform/testing): embedded PostgreSQL, local KRaft broker and testcontainers fallbacks.
export async function provisionTestInfrastructure(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) throw new Error('set DATABASE_URL and KAFKA_BROKERS (fallbacks not built yet)');
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_KAFKA_BROKERS = brokers;
}

export async function teardownTestInfrastructure(): Promise<void> {}
