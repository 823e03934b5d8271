// Stages a deck's rows while the rest of it is still streaming in and being validated: chunks go
// to rate_rows in short transactions, at most two at a time (the database works while this
// process parses; memory stays bounded by the parsed rows, which the table needs anyway). The
// rows stay invisible until the import commits; a refused deck is discarded.
import type { RateRow } from '@billing/rating-domain';
import { SheetStore, STAGE_CHUNK_ROWS } from './sheet-store.js';

const MAX_IN_FLIGHT = 2;

export class RowStager {
  private staged = 0;
  private readonly inFlight: Promise<void>[] = [];
  private failure: unknown;
  private started: Promise<void> | undefined;

  constructor(
    private readonly store: SheetStore,
    private readonly sheetId: string,
    private readonly versionId: string,
  ) {}

  /** Stages the whole chunks of `rows` not staged yet (waits while two chunks are being written). */
  async offer(rows: readonly RateRow[]): Promise<void> {
    while (rows.length - this.staged >= STAGE_CHUNK_ROWS) await this.stage(rows.slice(this.staged, this.staged + STAGE_CHUNK_ROWS));
  }

  /** Stages the rest and waits for every write; throws the first failure. */
  async finish(rows: readonly RateRow[]): Promise<void> {
    await this.offer(rows);
    if (rows.length > this.staged) await this.stage(rows.slice(this.staged));
    await Promise.all(this.inFlight);
    if (this.failure !== undefined) throw this.failure;
  }

  /** Waits for the writes in flight, ignoring their failures (before discarding the import). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.inFlight);
    await this.started?.catch(() => undefined);
  }

  get begun(): boolean {
    return this.started !== undefined;
  }

  private async stage(chunk: readonly RateRow[]): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    this.started ??= this.store.beginImport(this.sheetId, this.versionId);
    await this.started;
    if (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight.shift();
    const from = this.staged;
    this.staged += chunk.length;
    const write = this.store.stageRows(this.versionId, from, chunk).catch((error: unknown) => {
      this.failure ??= error;
    });
    this.inFlight.push(write);
  }
}
