// Where call commands meet the store (stream `call-{callId}`). A call's events are appended with
// the call's row in `calls` — its decider state and stream version plus the history columns — in
// the same transaction, so call history, unrated lists and dedupe answers are read-your-writes and
// the row can serve as the call's snapshot: a batch of CDRs loads all its calls with one query
// and appends them in one transaction. If anything in the batch raced (a concurrent writer on one
// of its calls), the whole transaction rolls back and the caller redoes the calls one by one,
// loading each from its stream. The event store's own expected-version check is the guarantee
// that a call is rated once, whichever path wrote it.
import { invariant } from '@billing/decider';
import { decodeJson, deterministicEventId, encodeJson, MAX_STREAMS_PER_APPEND, type EventMetadata, type StreamAppend } from '@billing/event-store';
import {
  callStreamId,
  cdrFingerprint,
  evolveCall,
  initialCall,
  normaliseDestination,
  toIntegrationEvent,
  type CallEvent,
  type CallState,
} from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { RatingDatabase } from '../infrastructure/rating-database.js';

export interface LoadedCall {
  readonly callId: string;
  /** stream version (-1 = no stream yet). */
  readonly version: number;
  readonly state: CallState;
}

export interface CallDecision {
  readonly call: LoadedCall;
  readonly events: readonly CallEvent[];
  /** the idempotency id of the command: event ids are derived from it (a repeat appends nothing). */
  readonly commandId: string | null;
  /** this decision's own metadata, when a batch carries several requests' decisions (else commit()'s). */
  readonly metadata?: EventMetadata;
}

export interface CommittedCall {
  readonly callId: string;
  readonly state: CallState;
  readonly version: number;
  /** false: the same events were already stored (a repeated command) — nothing new. */
  readonly written: boolean;
  /** the ids of the integration events written now (a CDR's answer waits for the reports to handle them). */
  readonly publishedEventIds?: readonly string[];
}

@Injectable()
export class CallStore {
  constructor(@Inject(RatingDatabase) private readonly db: RatingDatabase) {}

  /** From the call's own stream (the truth): for single commands and after a conflict. */
  async loadFromStream(callId: string): Promise<LoadedCall> {
    const recorded = await this.db.store.readStream(callStreamId(callId), 0, 100);
    let state = initialCall();
    let version = -1;
    for (const event of recorded) {
      state = evolveCall(state, event.data as CallEvent);
      version = event.streamVersion;
    }
    return { callId, version, state };
  }

  /** Many calls with one query, from their rows (written with their events). */
  async loadMany(callIds: readonly string[]): Promise<Map<string, LoadedCall>> {
    const loaded = new Map<string, LoadedCall>();
    if (callIds.length === 0) return loaded;
    const { rows } = await this.db.pool.query<{ call_id: string; stream_version: number; state: string }>(
      `SELECT call_id, stream_version, state FROM ${this.db.table('calls')} WHERE call_id = ANY($1::text[])`,
      [callIds],
    );
    for (const row of rows) loaded.set(row.call_id, { callId: row.call_id, version: row.stream_version, state: decodeJson<CallState>(row.state) });
    for (const callId of callIds) if (!loaded.has(callId)) loaded.set(callId, { callId, version: -1, state: initialCall() });
    return loaded;
  }

  /** Appends every decision with its row, all in one transaction (throws WrongExpectedVersionError on any race). */
  async commit(decisions: readonly CallDecision[], metadata: EventMetadata): Promise<CommittedCall[]> {
    const writes = decisions.filter((decision) => decision.events.length > 0);
    const unchanged = decisions.filter((decision) => decision.events.length === 0).map((d) => ({ callId: d.call.callId, state: d.call.state, version: d.call.version, written: false }));
    if (writes.length === 0) return unchanged;
    const committed = await this.db.store.withTransaction(async (client) => {
      const out: CommittedCall[] = [];
      const rows: ProjectedCall[] = [];
      for (let start = 0; start < writes.length; start += MAX_STREAMS_PER_APPEND) {
        const chunk = writes.slice(start, start + MAX_STREAMS_PER_APPEND);
        const appends = chunk.map((decision) => toAppend(decision, metadata));
        const { results } = await this.db.store.appendInTransaction(client, appends);
        results.forEach((result, i) => {
          const decision = chunk[i]!;
          if (result.writtenCount === 0) {
            // a repeat of a command already stored (same derived event ids): report the stream as it is
            out.push({ callId: decision.call.callId, state: decision.call.state, version: result.nextExpectedVersion, written: false });
            return;
          }
          invariant(result.writtenCount === decision.events.length, `call ${decision.call.callId}: ${result.writtenCount} of ${decision.events.length} events written`);
          const state = decision.events.reduce(evolveCall, decision.call.state);
          const publishedEventIds = appends[i]!.events.filter((event) => toIntegrationEvent(event.data as CallEvent) !== null).map((event) => event.eventId);
          out.push({ callId: decision.call.callId, state, version: result.nextExpectedVersion, written: true, publishedEventIds });
          rows.push({ callId: decision.call.callId, version: result.nextExpectedVersion, state, events: decision.events });
        });
      }
      await this.project(client, rows);
      return out;
    });
    return [...unchanged, ...committed];
  }

  private async project(client: pg.ClientBase, calls: readonly ProjectedCall[]): Promise<void> {
    const outcomes: Record<string, unknown>[] = [];
    const ended: string[] = [];
    // one row per call (the last authorization wins, as row-by-row upserts would leave it)
    const authorized = new Map<string, Record<string, unknown>>();
    for (const call of calls) {
      for (const event of call.events) {
        if (event.type === 'CallAuthorized') {
          authorized.set(call.callId, {
            call_id: call.callId,
            stream_version: call.version,
            state: encodeJson(call.state),
            customer_id: event.customerId,
            agent_id: event.agentId,
            destination_digits: event.destinationDigits,
            prefix: event.prefix,
            sheet_id: event.sheetId,
            version_id: event.versionId,
            hold_id: event.holdId,
            granted_micros: event.grantedMicros.toString(),
            max_duration_seconds: event.maxDurationSeconds,
            authorized_at: event.occurredAt,
          });
        }
      }
      const outcome = [...call.events].reverse().find((event): event is Exclude<CallEvent, { type: 'CallAuthorized' }> => event.type !== 'CallAuthorized');
      if (outcome === undefined) continue;
      ended.push(call.callId);
      outcomes.push(outcomeColumns(call, outcome));
    }
    if (authorized.size > 0) {
      // one statement for every authorization of the batch (group-committed by CallCommitter)
      await client.query(
        `INSERT INTO ${this.db.table('calls')} (call_id, stream_version, state, status, customer_id, agent_id, destination_digits, prefix, sheet_id, version_id,
           hold_id, granted_micros, max_duration_seconds, authorized_at, updated_at)
         SELECT x.call_id, x.stream_version, x.state, 'authorized', x.customer_id, x.agent_id, x.destination_digits, x.prefix, x.sheet_id, x.version_id,
           x.hold_id, x.granted_micros::bigint, x.max_duration_seconds, x.authorized_at, now()
           FROM jsonb_to_recordset($1::jsonb) AS x(call_id text, stream_version integer, state text, customer_id text, agent_id text, destination_digits text,
             prefix text, sheet_id text, version_id text, hold_id text, granted_micros text, max_duration_seconds integer, authorized_at timestamptz)
         ON CONFLICT (call_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, state = EXCLUDED.state, hold_id = EXCLUDED.hold_id,
           granted_micros = EXCLUDED.granted_micros, max_duration_seconds = EXCLUDED.max_duration_seconds, authorized_at = EXCLUDED.authorized_at, updated_at = now()`,
        [JSON.stringify([...authorized.values()])],
      );
    }
    if (outcomes.length > 0) {
      await client.query(
        `INSERT INTO ${this.db.table('calls')} (call_id, stream_version, state, status, customer_id, agent_id, account, sip_username, source_ip, tech_prefix, caller_id, destination,
           destination_digits, destination_name, prefix, sheet_id, version_id, started_at, answered_at, ended_at, billsec, billed_seconds, cost_micros,
           disposition, reason, hold_id, recorded_at, updated_at)
         SELECT x.call_id, x.stream_version, x.state, x.status, x.customer_id, x.agent_id, x.account, x.sip_username, x.source_ip, x.tech_prefix, x.caller_id, x.destination,
           x.destination_digits, x.destination_name, x.prefix, x.sheet_id, x.version_id, x.started_at, x.answered_at, x.ended_at, x.billsec, x.billed_seconds,
           x.cost_micros::bigint, x.disposition, x.reason, x.hold_id, x.recorded_at, now()
           FROM jsonb_to_recordset($1::jsonb) AS x(call_id text, stream_version integer, state text, status text, customer_id text, agent_id text, account text,
             sip_username text, source_ip text, tech_prefix text, caller_id text, destination text, destination_digits text, destination_name text, prefix text, sheet_id text, version_id text,
             started_at timestamptz, answered_at timestamptz, ended_at timestamptz, billsec integer, billed_seconds integer, cost_micros text, disposition text,
             reason text, hold_id text, recorded_at timestamptz)
         ON CONFLICT (call_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, state = EXCLUDED.state, status = EXCLUDED.status,
           customer_id = EXCLUDED.customer_id, agent_id = EXCLUDED.agent_id, account = EXCLUDED.account, sip_username = EXCLUDED.sip_username,
           source_ip = EXCLUDED.source_ip, tech_prefix = EXCLUDED.tech_prefix,
           caller_id = EXCLUDED.caller_id, destination = EXCLUDED.destination, destination_digits = EXCLUDED.destination_digits,
           destination_name = EXCLUDED.destination_name, prefix = EXCLUDED.prefix, sheet_id = EXCLUDED.sheet_id, version_id = EXCLUDED.version_id,
           started_at = EXCLUDED.started_at, answered_at = EXCLUDED.answered_at, ended_at = EXCLUDED.ended_at, billsec = EXCLUDED.billsec,
           billed_seconds = EXCLUDED.billed_seconds, cost_micros = EXCLUDED.cost_micros, disposition = EXCLUDED.disposition, reason = EXCLUDED.reason,
           hold_id = COALESCE(EXCLUDED.hold_id, ${this.db.table('calls')}.hold_id), recorded_at = EXCLUDED.recorded_at, updated_at = now()`,
        [JSON.stringify(outcomes)],
      );
      // the call is over: its authorization no longer counts against maxConcurrentCalls
      await client.query(`DELETE FROM ${this.db.table('call_slots')} WHERE call_id = ANY($1::text[])`, [ended]);
    }
  }
}

interface ProjectedCall {
  readonly callId: string;
  readonly version: number;
  readonly state: CallState;
  readonly events: readonly CallEvent[];
}

function outcomeColumns(call: ProjectedCall, event: Exclude<CallEvent, { type: 'CallAuthorized' }>): Record<string, unknown> {
  const { cdr } = event;
  const digits = normaliseDestination(cdr.destination);
  const rated = event.type === 'CallRated' || event.type === 'CallReRated' ? event : null;
  return {
    call_id: call.callId,
    stream_version: call.version,
    state: encodeJson(call.state),
    status: call.state.outcome?.status ?? 'authorized',
    customer_id: event.customerId,
    agent_id: event.agentId,
    account: cdr.account,
    sip_username: cdr.sipUsername,
    source_ip: cdr.sourceIp ?? null,
    tech_prefix: cdr.techPrefix ?? null,
    caller_id: cdr.callerId,
    destination: cdr.destination,
    destination_digits: rated?.destinationDigits ?? (digits.ok ? digits.digits : null),
    // an unanswered call keeps where it was going too (absent on older events: none)
    destination_name: rated?.destinationName ?? (event.type === 'CallUnanswered' ? (event.destinationName ?? null) : null),
    prefix: rated?.prefix ?? (event.type === 'CallUnanswered' ? (event.prefix ?? null) : null),
    sheet_id: rated?.sheetId ?? null,
    version_id: rated?.versionId ?? null,
    started_at: cdr.startedAt,
    answered_at: cdr.answeredAt,
    ended_at: cdr.endedAt,
    billsec: cdr.billsecSeconds,
    billed_seconds: rated?.billedSeconds ?? 0,
    cost_micros: (rated?.costMicros ?? 0n).toString(),
    disposition: cdr.disposition,
    reason: event.type === 'CallUnrated' ? event.reason : null,
    hold_id: event.holdId,
    recorded_at: event.occurredAt,
  };
}

function toAppend(decision: CallDecision, metadata: EventMetadata): StreamAppend {
  const streamId = callStreamId(decision.call.callId);
  return {
    streamId,
    expectedVersion: decision.call.version,
    events: decision.events.map((event, index) => ({
      eventId: decision.commandId === null ? randomUUID() : deterministicEventId(streamId, decision.commandId, index),
      type: event.type,
      data: event,
      metadata: decision.metadata ?? metadata,
    })),
  };
}

/** The idempotency id of recording a CDR: the facts that decide its price (docs/rating.md §9). */
export function cdrCommandId(cdr: Parameters<typeof cdrFingerprint>[0]): string {
  return `cdr:${cdrFingerprint(cdr)}`;
}
