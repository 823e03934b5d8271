// The one place where accounts commands meet the store: decide (through a plan that loads what it
// needs), then append the events and project them in ONE transaction. The unique constraints of
// the read models therefore refuse a duplicate username or SIP user together with its events, and
// a GET right after a POST sees the change (read-your-writes). A concurrent writer on the same
// stream (WrongExpectedVersionError) or a deadlock re-runs the plan, a bounded number of times.
// The answer waits until the services that consume the change have applied it (consumers-at-once.ts).
import type { AccountsEvent } from '@billing/accounts-domain';
import { invariant, RejectedCommand } from '@billing/decider';
import { MAX_STREAMS_PER_APPEND, WrongExpectedVersionError, type EventMetadata, type ExpectedVersion, type StreamAppend } from '@billing/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccountsDatabase } from './accounts-database.js';
import { assertAgentCreditTotal, type AgentCreditGrant } from './agent-credit-total.js';
import { accountsEventCodec } from './event-codec.js';
import { ConsumersAtOnce, type CommittedStream } from './consumers-at-once.js';
import { assertProfileNamesFree } from './profile-names.js';
import { AccountsProjector } from './projector.js';
import { UNIQUE, WRITE_LOCK } from './read-model.schema.js';

/** What a plan decided for one stream: the events, appended only if the stream is still at `expectedVersion`. */
export interface StreamDecision {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: readonly AccountsEvent[];
}

/** Tries of a plan before a conflict is answered (409 concurrent_modification). */
const MAX_ATTEMPTS = 5;
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

@Injectable()
export class AccountsCommitter {
  private readonly projector: AccountsProjector;

  constructor(
    @Inject(AccountsDatabase) private readonly db: AccountsDatabase,
    @Inject(ConsumersAtOnce) private readonly consumers: ConsumersAtOnce,
  ) {
    this.projector = new AccountsProjector(db.schema);
  }

  /**
   * Runs `plan` (load + decide, no writes) and commits what it decided. `plan` may run more than
   * once: it must load fresh state each time. Returns the decisions of the run that committed.
   * `creditGrant` (asked after each plan run) names credit an agent grants with these events: it is
   * checked against the agent's total in the append transaction (agent-credit-total.ts).
   */
  async commit(plan: () => Promise<StreamDecision[]>, metadata: EventMetadata, creditGrant?: () => AgentCreditGrant | null): Promise<StreamDecision[]> {
    for (let attempt = 1; ; attempt += 1) {
      const decisions = await plan();
      const writes = decisions.filter((decision) => decision.events.length > 0);
      if (writes.length === 0) return decisions;
      let committed: CommittedStream[];
      try {
        committed = await this.write(writes, metadata, creditGrant?.() ?? null);
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue;
        throw translateUniqueViolation(error);
      }
      await this.consumers.applied(committed);
      return decisions;
    }
  }

  private async write(writes: StreamDecision[], metadata: EventMetadata, creditGrant: AgentCreditGrant | null): Promise<CommittedStream[]> {
    // event ids are chosen here, so the consumers can be told which events to have applied
    const committed = writes.map((decision): CommittedStream => ({ ...decision, events: decision.events.map((event) => ({ eventId: randomUUID(), event })) }));
    await this.db.store.withTransaction(async (client) => {
      // shared: commits run side by side; a rebuild takes it exclusively (rebuild.ts).
      await client.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [WRITE_LOCK, this.db.schema]);
      if (creditGrant !== null) await assertAgentCreditTotal(client, this.db.schema, creditGrant);
      await assertProfileNamesFree(client, this.db.schema, writes.flatMap((decision) => decision.events));
      // A batch is 1 + up to 1000 streams; the store takes at most 100 per call, and several
      // calls in one transaction are still one atomic append.
      for (let start = 0; start < writes.length; start += MAX_STREAMS_PER_APPEND) {
        const chunk = committed.slice(start, start + MAX_STREAMS_PER_APPEND);
        const { results } = await this.db.store.appendInTransaction(client, chunk.map((stream) => toAppend(stream, metadata)));
        results.forEach((result, i) => {
          // event ids are fresh uuids: all of them must have been written.
          invariant(result.writtenCount === chunk[i]!.events.length, `stream ${result.streamId}: ${result.writtenCount} of ${chunk[i]!.events.length} events written`);
        });
      }
      for (const decision of writes) {
        for (const event of decision.events) await this.projector.apply(client, event);
      }
    });
    return committed;
  }
}

function toAppend(stream: CommittedStream, metadata: EventMetadata): StreamAppend {
  return {
    streamId: stream.streamId,
    expectedVersion: stream.expectedVersion,
    events: stream.events.map(({ eventId, event }) => ({ eventId, ...accountsEventCodec.toStored(event), metadata })),
  };
}

function isRetryable(error: unknown): boolean {
  if (error instanceof WrongExpectedVersionError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/** A unique read-model constraint refused the append: somebody else holds the name. */
function translateUniqueViolation(error: unknown): unknown {
  const { code, constraint, detail } = (error ?? {}) as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (code !== '23505') return error;
  const value = typeof detail === 'string' ? (/=\((.*)\)/.exec(detail)?.[1] ?? '') : '';
  switch (constraint) {
    case UNIQUE.username:
      return new RejectedCommand(`username "${value}" is already taken`, 'username_taken', 409);
    case UNIQUE.sipUsername:
      return new RejectedCommand(`SIP username "${value}" is already taken`, 'sip_username_taken', 409);
    case UNIQUE.accountNumber:
      return new RejectedCommand(`account number ${value} is already in use`, 'account_number_taken', 409);
    default:
      return error;
  }
}
