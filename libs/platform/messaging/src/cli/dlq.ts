// DLQ command line (docs/ARCHITECTURE.md, Messaging): list the dead letters of a topic and replay them to their original
// topic.
//   node tools/run-ts.mjs libs/platform/messaging/src/cli/dlq.ts list   --topic wallet.events.v1 [--brokers h:p] [--json]
//   node tools/run-ts.mjs libs/platform/messaging/src/cli/dlq.ts replay --topic wallet.events.v1 [--event-id <id>]... [--dry-run]
// `--topic` accepts the original topic or its `.dlq`; `--brokers` defaults to KAFKA_BROKERS.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { dlqTopicFor } from '@billing/contracts';
import { parseBrokers } from '../create-bus.js';
import { createKafka } from '../kafka/client.js';
import { listDlq, replayDlq, type DlqEntry } from '../kafka/dlq-admin.js';
import { SafeProducer } from '../kafka/producer.js';
import { consoleLogger } from '../logger.js';

const USAGE = `usage: dlq <list|replay> --topic <topic> [--brokers host:port,...] [--limit N] [--timeout-ms N]
  list    [--json]                        every record of <topic>.dlq, with why and where it failed
  replay  [--event-id ID]... [--dry-run]  put dead letters back on the original topic
          without --event-id: the ones not replayed before (and remember them as replayed)`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** Runs the CLI; resolves to the process exit code. */
export async function runDlqCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        topic: { type: 'string' },
        brokers: { type: 'string' },
        'event-id': { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        limit: { type: 'string', default: '10000' },
        'timeout-ms': { type: 'string', default: '30000' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  const brokers = parseBrokers(values.brokers ?? io.env.KAFKA_BROKERS);
  const limit = Number(values.limit);
  const timeoutMs = Number(values['timeout-ms']);
  if ((command !== 'list' && command !== 'replay') || !values.topic || brokers.length === 0) {
    io.err(USAGE);
    return 2;
  }
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(timeoutMs) || timeoutMs < 1) {
    io.err(`--limit and --timeout-ms must be positive integers\n${USAGE}`);
    return 2;
  }
  const dlqTopic = values.topic.endsWith('.dlq') ? values.topic : dlqTopicFor(values.topic);
  const logger = consoleLogger('dlq-cli', 'warn');
  const kafka = createKafka({ brokers, clientId: 'dlq-cli' }, logger);
  try {
    if (command === 'list') {
      const entries = await listDlq(kafka, dlqTopic, { limit, timeoutMs });
      for (const entry of entries) io.out(values.json ? JSON.stringify(entry) : describe(entry));
      if (!values.json) io.out(`${entries.length} dead letter(s) in ${dlqTopic}`);
      return 0;
    }
    const producer = new SafeProducer(kafka, logger);
    try {
      const replayed = await replayDlq(kafka, producer, dlqTopic, {
        limit,
        timeoutMs,
        eventIds: values['event-id'],
        dryRun: values['dry-run'],
      });
      for (const entry of replayed) io.out(values.json ? JSON.stringify(entry) : describe(entry));
      io.out(`${values['dry-run'] ? 'would replay' : 'replayed'} ${replayed.length} dead letter(s) from ${dlqTopic}`);
      return 0;
    } finally {
      await producer.close();
    }
  } catch (error) {
    io.err(`dlq ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function describe(entry: DlqEntry): string {
  const letter = entry.deadLetter;
  const origin = letter ? `${letter.originalTopic}/${letter.originalPartition}@${letter.originalOffset}` : '?';
  return [
    `${entry.partition}@${entry.offset}`,
    entry.replayed ? 'replayed' : 'pending',
    entry.eventType ?? '?',
    entry.eventId ?? '?',
    `from=${origin}`,
    `group=${letter?.group ?? '?'}`,
    `attempts=${letter?.attempts ?? '?'}`,
    `failedAt=${letter?.failedAt ?? '?'}`,
    `error=${JSON.stringify(letter?.error ?? '')}`,
  ].join('  ');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const code = await runDlqCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  });
  process.exit(code);
}
