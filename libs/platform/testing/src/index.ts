// @billing/testing — the real parts integration tests run against (docs/ARCHITECTURE.md, Tests): the run's
// PostgreSQL and Kafka (provisioned once by the Jest global setup), a schema / topics of their
// own per test file, a real SMTP server, and the local KRaft broker for tools that need one.
export { testDatabaseUrl, testKafkaBrokers, uniqueName } from './names.js';
export { createTestSchemaPool, type TestSchemaPool } from './schema.js';
export { createTopics, deleteTopics } from './kafka-topics.js';
export { startTestSmtpServer, type ReceivedMail, type SmtpAttempt, type TestSmtpServer, type TestSmtpServerOptions } from './smtp.js';
export { ensureKafkaLibs, findKafkaLocalHome, startLocalKafka, type LocalKafka, type LocalKafkaOptions } from './kafka-local.js';
export { freePort, freePorts } from './free-port.js';
export { startStripeRecorder, type RecordedStripeRequest, type StripeIntent, type StripeRecorder } from './stripe-recorder.js';
export { paymentIntentSucceeded, signStripeWebhook, stripeEvent, stripeId } from './stripe-events.js';
export { SseClient, type SseMessage } from './sse-client.js';
export { startRestartableKafka, type RestartableKafka } from './restartable-kafka.js';
export { startPerFile } from './per-file.js';
