// The SQL behind GET /reports/series: the summary's sums (rated calls by their start, deposits by
// their time, per agent as the summary scopes them) grouped into buckets counted from `from`, in
// one read-only snapshot. `position` is where that snapshot stands in the projection's commit
// order (live-position.ts): it holds every live item up to it and none after, which is how a
// client following the live feed knows what to add. `asOf`: when it was read (the DB's clock).
// Only one read of this instance waits for that position at a time (SingleFlight); each read,
// whether it waits here, for a pooled connection or for the position, gives up after
// SERIES_LOCK_WAIT_MS in all (503, Retry-After).
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { ReportsDatabase } from '../infrastructure/reports-database.js';
import { beginAtLivePosition, LivePositionBusyError, SERIES_LOCK_WAIT_MS } from '../live/live-position.js';
import type { ReportRange } from '../summary/report-range.js';
import type { BucketSums } from './series-buckets.js';
import { connectWithin } from './connect-within.js';
import { SingleFlight } from './single-flight.js';

/**
 * Series reads of an instance waiting for the one that waits for the position. Beyond it they are
 * refused at once: a dashboard retries after a second, memory stays bounded. The queue drains one
 * read per lock wait — a few ms unless a projection is slow, and then the queued reads time out.
 */
export const MAX_WAITING_SERIES_READS = 16;

export interface SeriesRequest {
  range: ReportRange;
  bucketSeconds: number;
  /** undefined = every agent (admin). */
  agentId: string | undefined;
}

export interface SeriesData {
  asOf: Date;
  /** the greatest live position the figures include. */
  position: number;
  /** by bucket index; buckets without rows are absent. */
  buckets: Map<number, BucketSums>;
}

@Injectable()
export class SeriesQueries {
  private readonly turns = new SingleFlight(MAX_WAITING_SERIES_READS);

  constructor(@Inject(ReportsDatabase) private readonly db: ReportsDatabase) {}

  async load(request: SeriesRequest): Promise<SeriesData> {
    const params = [request.range.from, request.range.to, request.agentId ?? null, request.bucketSeconds];
    const bucket = (column: string) => `floor(extract(epoch FROM ${column} - $1::timestamptz) / $4::int)::int`;
    const { client, position } = await this.atLivePosition();
    let broken = false;
    try {
      const asOf = (await client.query<{ as_of: Date }>('SELECT clock_timestamp() AS as_of')).rows[0]!.as_of;
      const calls = await client.query<{ bucket: number; calls: string; billed: string; revenue: string }>(
        `SELECT ${bucket('started_at')} AS bucket, count(*)::text AS calls, sum(billed_seconds)::text AS billed, sum(cost_micros)::text AS revenue
         FROM ${this.db.table('calls')}
         WHERE status = 'rated' AND started_at >= $1 AND started_at < $2 AND ($3::text IS NULL OR agent_id = $3)
         GROUP BY 1`,
        params,
      );
      const deposits = await client.query<{ bucket: number; n: string; micros: string }>(
        `SELECT ${bucket('occurred_at')} AS bucket, count(*)::text AS n, sum(amount_micros)::text AS micros
         FROM ${this.db.table('ledger_facts')}
         WHERE kind = 'deposit' AND occurred_at >= $1 AND occurred_at < $2 AND ($3::text IS NULL OR agent_id = $3)
         GROUP BY 1`,
        params,
      );
      await client.query('COMMIT');
      const buckets = new Map<number, BucketSums>();
      const at = (index: number) => buckets.get(index) ?? { calls: 0n, billedSeconds: 0n, revenueMicros: 0n, deposits: 0n, depositMicros: 0n };
      for (const row of calls.rows) buckets.set(row.bucket, { ...at(row.bucket), calls: BigInt(row.calls), billedSeconds: BigInt(row.billed), revenueMicros: BigInt(row.revenue) });
      for (const row of deposits.rows) buckets.set(row.bucket, { ...at(row.bucket), deposits: BigInt(row.n), depositMicros: BigInt(row.micros) });
      return { asOf, position, buckets };
    } catch (error) {
      // a connection that failed here: never reused
      broken = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * A pooled connection in a transaction at a live position (beginAtLivePosition), after this
   * read's turn; LivePositionBusyError once SERIES_LOCK_WAIT_MS have passed since it asked.
   */
  private async atLivePosition(): Promise<{ client: pg.PoolClient; position: number }> {
    const askedMs = performance.now();
    const leave = await this.turns.enter(SERIES_LOCK_WAIT_MS);
    // the queue full, or the read ahead waited out this one's time
    if (leave === undefined) throw new LivePositionBusyError(`Series reads wait for the reports' projections (over ${SERIES_LOCK_WAIT_MS} ms, or too many reads); try again shortly.`);
    const leftMs = () => Math.floor(SERIES_LOCK_WAIT_MS - (performance.now() - askedMs));
    try {
      // the pool exhausted: no waiting past this read's budget (pg's own bound is 10 s)
      const client = leftMs() < 1 ? undefined : await connectWithin(this.db.pool, leftMs());
      if (client === undefined) throw new LivePositionBusyError(`No connection for the series within ${SERIES_LOCK_WAIT_MS} ms; try again shortly.`);
      try {
        const waitMs = leftMs();
        if (waitMs < 1) throw new LivePositionBusyError();
        return { client, position: await beginAtLivePosition(client, this.db, waitMs) };
      } catch (error) {
        // busy and reusable: the lock never taken, the lock_timeout undone — back to the pool, so
        // retries under overload open no new connections. Anything else may hold the session's
        // advisory lock or the series' lock_timeout: destroyed.
        const reusable = error instanceof LivePositionBusyError && error.connectionReusable;
        if (!reusable) await client.query('ROLLBACK').catch(() => undefined);
        client.release(!reusable);
        throw error;
      }
    } finally {
      leave();
    }
  }
}
