// Rate sheets (issue 5 §1): import a deck (CSV streamed, or JSON) as a new base sheet or a new
// version of one, derive a sheet (base + markup), change a markup, view a sheet with its rows,
// look up the rate for a number. Decks are validated completely before anything is stored.
import { ProblemException } from '@billing/gateway';
import { RejectedCommand } from '@billing/decider';
import {
  checkSheetName,
  checkSheetNameFree,
  CsvEncodingError,
  deriveRow,
  findRate,
  isValidId,
  normaliseDestination,
  versionInForce,
  type DeckError,
  type RateRow,
  type RateSheetCommand,
  type RateSheetState,
  type SheetRounding,
} from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { actorOf, metadataOf, type CommandContext } from '../application/command-context.js';
import { RatingClock } from '../infrastructure/clock.js';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import { RATING_OPTIONS, type ResolvedRatingOptions } from '../rating.options.js';
import { CsvDeckReader, readJsonRows, type DeckResult } from './deck-reader.js';
import { lineageOf, markupsAt, markupSteps, type Lineage } from './lineage.js';
import { RateTables } from './rate-tables.js';
import { RowStager } from './row-stager.js';
import { rowFromStored, type StoredRow } from './row-codec.js';
import { SheetRegistry, type LoadedSheet } from './sheet-registry.js';
import { SheetStore, type NewSheetOwner, type OwnedSheets } from './sheet-store.js';
import { Tariffs, type ResolvedTariff } from './tariffs.js';

/** ITC's own sheets (its bases, the sheets it derives) have different names, as each agent's do. */
const ITC_OWNS: NewSheetOwner = { agentId: null };

/** Where a deck comes from: a CSV upload (chunks) or a JSON body's `rows`. */
export type DeckSource = { readonly format: 'csv'; readonly chunks: AsyncIterable<Uint8Array | string> } | { readonly format: 'json'; readonly rows: readonly unknown[] };

export interface NewSheetInput {
  readonly sheetId?: string | undefined;
  readonly name: string;
  readonly rounding: SheetRounding;
  readonly effectiveFrom?: string | undefined;
}

export interface NewVersionInput {
  /** undefined: the sheet's current rounding. */
  readonly rounding?: SheetRounding | undefined;
  readonly effectiveFrom?: string | undefined;
}

export interface ImportResult {
  readonly sheet: LoadedSheet;
  readonly versionId: string;
  readonly rowCount: number;
  readonly importMs: number;
  /** where the time went: reading + validating + hashing, staging the rows, the event, building the table. */
  readonly phasesMs: { read: number; stage: number; commit: number; build: number };
}

/** A deck read and checked but not stored (a dry run): its rows when good, else every bad row. */
export interface DeckPreview {
  readonly rounding: SheetRounding;
  /** the deck's own effective_from column, else the one asked for; null = when it is imported. */
  readonly effectiveFrom: string | null;
  readonly result: Extract<DeckResult, { stage: 'rows' } | { ok: true }>;
}

export interface RowsPage {
  readonly versionId: string | null;
  /** the version's rounding: how a call's cost at these rates is rounded (null: no version). */
  readonly rounding: SheetRounding | null;
  readonly markupMicroPercent: bigint;
  readonly rows: readonly RateRow[];
  /** position after the last row, or null at the end. */
  readonly nextPosition: number | null;
}

export interface LookupResult {
  readonly number: string;
  readonly tariff: ResolvedTariff;
  readonly row: RateRow;
}

@Injectable()
export class RateSheetsService {
  constructor(
    @Inject(SheetStore) private readonly store: SheetStore,
    @Inject(SheetRegistry) private readonly registry: SheetRegistry,
    @Inject(RateTables) private readonly tables: RateTables,
    @Inject(Tariffs) private readonly tariffs: Tariffs,
    @Inject(RatingClock) private readonly clock: RatingClock,
    @Inject(RatingDatabase) private readonly db: RatingDatabase,
    @Inject(RATING_OPTIONS) private readonly options: ResolvedRatingOptions,
  ) {}

  /** A new base sheet with its first version. */
  async createSheet(context: CommandContext, input: NewSheetInput, source: DeckSource): Promise<ImportResult> {
    const startedMs = performance.now();
    const sheetId = input.sheetId ?? randomUUID();
    if (!isValidId(sheetId)) throw new RejectedCommand('sheetId must be 1 to 128 characters without surrounding spaces', 'invalid_id', 422);
    const existing = await this.registry.fresh(sheetId);
    if (existing.state.kind !== 'none') throw new RejectedCommand('a rate sheet with this id already exists', 'sheet_exists', 409);
    await this.checkNewBaseName(input.name, sheetId);
    const versionId = randomUUID();
    const { deck, readMs, stageMs } = await this.readAndStage(sheetId, versionId, source, input.rounding);
    const meta = this.clock.meta(actorOf(context));
    const effectiveFrom = deck.effectiveFrom ?? input.effectiveFrom ?? meta.now;
    const { sheet, phasesMs } = await this.commitImport(
      sheetId,
      versionId,
      deck.rows,
      input.rounding,
      (_state, { namesOwned }) => [
        { type: 'CreateBaseSheet', sheetId, name: input.name, rounding: input.rounding, namesTaken: namesOwned, meta },
        { type: 'ImportVersion', sheetId, versionId, effectiveFrom, rowCount: deck.rows.length, contentHash: deck.contentHash, rounding: input.rounding, meta },
      ],
      context,
      ITC_OWNS,
    );
    return { sheet, versionId, rowCount: deck.rows.length, importMs: performance.now() - startedMs, phasesMs: { read: readMs, stage: stageMs, ...phasesMs } };
  }

  /** A new version of a base sheet (a derived sheet follows its base: 422). */
  async importVersion(context: CommandContext, sheetId: string, input: NewVersionInput, source: DeckSource): Promise<ImportResult> {
    const startedMs = performance.now();
    const { state } = await this.registry.fresh(sheetId);
    if (state.kind === 'none') throw new RejectedCommand('rate sheet not found', 'sheet_not_found', 404);
    if (state.kind === 'derived') throw new RejectedCommand('versions are imported into base sheets only: a derived sheet follows its base', 'not_a_base_sheet', 422);
    const rounding = input.rounding ?? state.rounding;
    const versionId = randomUUID();
    const { deck, readMs, stageMs } = await this.readAndStage(sheetId, versionId, source, rounding);
    const meta = this.clock.meta(actorOf(context));
    const effectiveFrom = deck.effectiveFrom ?? input.effectiveFrom ?? meta.now;
    const { sheet, phasesMs } = await this.commitImport(sheetId, versionId, deck.rows, rounding, () => [
      { type: 'ImportVersion', sheetId, versionId, effectiveFrom, rowCount: deck.rows.length, contentHash: deck.contentHash, rounding, meta },
    ], context);
    return { sheet, versionId, rowCount: deck.rows.length, importMs: performance.now() - startedMs, phasesMs: { read: readMs, stage: stageMs, ...phasesMs } };
  }

  /**
   * A dry run of createSheet: the same checks of the sheet and of every row, nothing stored. Row
   * errors are answered (the preview shows them), not thrown; an unreadable header still is (400).
   */
  async previewSheet(input: { sheetId?: string | undefined; name?: string | undefined; rounding: SheetRounding; effectiveFrom?: string | undefined }, source: DeckSource): Promise<DeckPreview> {
    if (input.sheetId !== undefined) {
      if (!isValidId(input.sheetId)) throw new RejectedCommand('sheetId must be 1 to 128 characters without surrounding spaces', 'invalid_id', 422);
      if ((await this.registry.fresh(input.sheetId)).state.kind !== 'none') throw new RejectedCommand('a rate sheet with this id already exists', 'sheet_exists', 409);
    }
    // the name an import would give the sheet (a CSV preview may have none yet)
    if (input.name !== undefined) await this.checkNewBaseName(input.name, input.sheetId ?? null);
    return this.previewDeck(source, input.rounding, input.effectiveFrom);
  }

  /**
   * 422 invalid_name, 409 name_taken for a new base sheet's name, before its deck is read: a dry run
   * answers them as the import does, and an import refused for its name stages no rows. The import
   * decides again under ITC's sheet lock (a concurrent creation of the name).
   */
  private async checkNewBaseName(name: string, sheetId: string | null): Promise<void> {
    const normalised = checkSheetName(name);
    checkSheetNameFree(normalised, (await this.store.ownedBy(this.db.pool, ITC_OWNS.agentId, sheetId)).namesOwned, ITC_OWNS.agentId);
  }

  /** A dry run of importVersion (see previewSheet). */
  async previewVersion(sheetId: string, input: NewVersionInput, source: DeckSource): Promise<DeckPreview> {
    const { state } = await this.registry.fresh(sheetId);
    if (state.kind === 'none') throw new RejectedCommand('rate sheet not found', 'sheet_not_found', 404);
    if (state.kind === 'derived') throw new RejectedCommand('versions are imported into base sheets only: a derived sheet follows its base', 'not_a_base_sheet', 422);
    return this.previewDeck(source, input.rounding ?? state.rounding, input.effectiveFrom);
  }

  private async previewDeck(source: DeckSource, rounding: SheetRounding, effectiveFrom: string | undefined): Promise<DeckPreview> {
    const result = source.format === 'json' ? readJsonRows(source.rows, rounding) : await this.readCsv(source.chunks, rounding, null);
    if (!result.ok && result.stage === 'header') throw deckProblem(result, source.format);
    const deckEffectiveFrom = result.ok ? result.effectiveFrom : null;
    return { rounding, effectiveFrom: deckEffectiveFrom ?? effectiveFrom ?? null, result: result as DeckPreview['result'] };
  }

  /**
   * A sheet derived from `baseSheetId` at a markup. `owner` null: ITC derives it; else the agent
   * and the sheet ITC assigned to it, which is the only sheet that agent may derive from.
   */
  async derive(
    context: CommandContext,
    baseSheetId: string,
    input: { sheetId?: string | undefined; name: string; markupMicroPercent: bigint },
    owner: { agentId: string; assignedSheetId: string | null } | null = null,
  ): Promise<LoadedSheet> {
    const sheetId = input.sheetId ?? randomUUID();
    if (!isValidId(sheetId)) throw new RejectedCommand('sheetId must be 1 to 128 characters without surrounding spaces', 'invalid_id', 422);
    const base = (await this.registry.fresh(baseSheetId)).state;
    const steps = markupSteps(await lineageOf(base, async (id) => (await this.registry.fresh(id)).state));
    const meta = this.clock.meta(actorOf(context));
    const { sheet } = await this.store.commit(
      sheetId,
      (_state, { sheetsOwned, namesOwned }) => [
        {
          type: 'CreateDerivedSheet',
          sheetId,
          name: input.name,
          base: base.kind === 'none' ? null : { sheetId: base.sheetId, kind: base.kind, markupSteps: steps },
          markupMicroPercent: input.markupMicroPercent,
          owner: owner === null ? null : { ...owner, sheetsOwned },
          namesTaken: namesOwned,
          meta,
        },
      ],
      metadataOf(context),
      undefined,
      owner === null ? ITC_OWNS : { agentId: owner.agentId },
    );
    return sheet;
  }

  /** `byAgentId` null: ITC (any derived sheet); else the agent, which changes only the sheets it derived. */
  async changeMarkup(context: CommandContext, sheetId: string, markupMicroPercent: bigint, byAgentId: string | null = null): Promise<LoadedSheet> {
    const meta = this.clock.meta(actorOf(context));
    const { sheet } = await this.store.commit(sheetId, () => [{ type: 'ChangeMarkup', sheetId, markupMicroPercent, byAgentId, meta }], metadataOf(context));
    return sheet;
  }

  async sheet(sheetId: string): Promise<LoadedSheet> {
    const sheet = await this.registry.fresh(sheetId);
    if (sheet.state.kind === 'none') throw new RejectedCommand('rate sheet not found', 'sheet_not_found', 404);
    return sheet;
  }

  /** The sheet's base, for derived sheets (its versions are the ones that apply); kind 'none' if it is gone. */
  async baseOf(state: RateSheetState): Promise<RateSheetState> {
    return (await this.lineage(state)).base ?? { kind: 'none' };
  }

  private lineage(state: RateSheetState): Promise<Lineage> {
    return lineageOf(state, async (id) => (await this.registry.get(id)).state);
  }

  list(visibleTo?: { agentId: string; assignedSheetId: string | null }) {
    return this.registry.list(visibleTo);
  }

  /**
   * Rows of a version (default: the one in force now, else the latest), in import order; a derived
   * sheet shows its marked-up rows (markup in force now).
   */
  async rows(sheetId: string, options: { versionId?: string | undefined; afterPosition: number; limit: number }): Promise<RowsPage> {
    const { state } = await this.sheet(sheetId);
    const lineage = await this.lineage(state);
    const base = lineage.base;
    const now = this.clock.now().toISOString();
    const markups = markupsAt(lineage, now);
    const markupMicroPercent = markups[markups.length - 1] ?? 0n;
    if (base === null) return { versionId: null, rounding: null, markupMicroPercent, rows: [], nextPosition: null };
    const version =
      options.versionId === undefined ? (versionInForce(base, now) ?? base.versions[base.versions.length - 1] ?? null) : (base.versions.find((v) => v.versionId === options.versionId) ?? null);
    if (version === null) {
      if (options.versionId !== undefined) throw new RejectedCommand('no such version of this rate sheet', 'version_not_found', 404);
      return { versionId: null, rounding: null, markupMicroPercent, rows: [], nextPosition: null };
    }
    const { rows } = await this.db.pool.query<StoredRow & { position: number }>(
      `SELECT position, prefix, destination, connect_fee_micros, minimum_seconds, intervals FROM ${this.db.table('rate_rows')}
        WHERE version_id = $1 AND position >= $2 ORDER BY position LIMIT $3`,
      [version.versionId, options.afterPosition, options.limit + 1],
    );
    const page = rows.slice(0, options.limit);
    return {
      versionId: version.versionId,
      rounding: version.rounding,
      markupMicroPercent,
      rows: page.map((row) => markups.reduce((priced, markup) => (markup === 0n ? priced : deriveRow(priced, markup)), rowFromStored(row))),
      nextPosition: rows.length > options.limit ? (page[page.length - 1]?.position ?? 0) + 1 : null,
    };
  }

  /** The rate a number gets from this sheet for a call starting at `at` (default now). */
  async lookup(sheetId: string, number: string, at: string | undefined): Promise<LookupResult> {
    await this.sheet(sheetId);
    const normalised = normaliseDestination(number);
    if (!normalised.ok) throw new RejectedCommand(`number ${normalised.reason}`, 'invalid_destination', 422);
    const tariff = await this.tariffs.at(sheetId, at ?? this.clock.now().toISOString());
    if (tariff === null) throw new RejectedCommand('no version of this sheet is in force at that time', 'no_rate_sheet', 404);
    const row = findRate(tariff.table, normalised.digits);
    if (row === null) throw new RejectedCommand(`no rate for ${normalised.digits} in this sheet`, 'no_rate', 404);
    return { number: normalised.digits, tariff, row };
  }

  /** Reads and validates the deck, staging its rows meanwhile; a refused deck leaves nothing. */
  private async readAndStage(
    sheetId: string,
    versionId: string,
    source: DeckSource,
    rounding: SheetRounding,
  ): Promise<{ deck: Extract<DeckResult, { ok: true }>; readMs: number; stageMs: number }> {
    const stager = new RowStager(this.store, sheetId, versionId);
    const startedMs = performance.now();
    try {
      const deck = await this.readDeck(source, rounding, stager);
      const readMs = performance.now() - startedMs;
      await stager.finish(deck.rows);
      return { deck, readMs, stageMs: performance.now() - startedMs - readMs };
    } catch (error) {
      await stager.settle();
      if (stager.begun) await this.store.discardRows(versionId);
      throw error;
    }
  }

  private async commitImport(
    sheetId: string,
    versionId: string,
    rows: readonly RateRow[],
    rounding: SheetRounding,
    commands: (state: RateSheetState, owned: OwnedSheets) => readonly RateSheetCommand[],
    context: CommandContext,
    creates?: NewSheetOwner,
  ): Promise<{ sheet: LoadedSheet; phasesMs: { commit: number; build: number } }> {
    const t1 = performance.now();
    let committed;
    try {
      committed = await this.store.commit(sheetId, commands, metadataOf(context), versionId, creates);
    } catch (error) {
      await this.store.discardRows(versionId);
      throw error;
    }
    const t2 = performance.now();
    if (committed.events.length === 0) {
      // a retried create decided nothing new: this import's rows are not a version
      await this.store.discardRows(versionId);
    } else {
      this.tables.remember(versionId, rows, rounding);
    }
    return { sheet: committed.sheet, phasesMs: { commit: t2 - t1, build: performance.now() - t2 } };
  }

  private async readDeck(source: DeckSource, rounding: SheetRounding, stager: RowStager): Promise<Extract<DeckResult, { ok: true }>> {
    const result = source.format === 'json' ? readJsonRows(source.rows, rounding) : await this.readCsv(source.chunks, rounding, stager);
    if (result.ok) return result;
    throw deckProblem(result, source.format);
  }

  /** `stager` null: a dry run, the rows are only read. */
  private async readCsv(chunks: AsyncIterable<Uint8Array | string>, rounding: SheetRounding, stager: RowStager | null): Promise<DeckResult> {
    const reader = new CsvDeckReader(rounding);
    let bytes = 0;
    try {
      for await (const chunk of chunks) {
        bytes += chunk.length;
        if (bytes > this.options.maxUploadBytes) throw new ProblemException(413, 'upload_too_large', `a deck may have at most ${this.options.maxUploadBytes} bytes`);
        reader.push(chunk);
        if (!reader.wantsMore) break;
        if (stager !== null && !reader.failed) await stager.offer(reader.rows);
      }
      return reader.end();
    } catch (error) {
      if (error instanceof CsvEncodingError) throw new ProblemException(400, 'invalid_encoding', error.message);
      throw error;
    }
  }
}

function deckProblem(result: Extract<DeckResult, { ok: false }>, format: 'csv' | 'json'): ProblemException {
  const lines = result.errors.map((error) => deckErrorView(error, format));
  const header = result.stage === 'header';
  const detail = header
    ? `the deck's ${format === 'csv' ? 'header line' : 'fields'} cannot be read; nothing was imported`
    : `the deck has ${result.errors.length}${result.truncated ? '+' : ''} error(s); nothing was imported`;
  return new ProblemException(header ? 400 : 422, header ? 'invalid_deck_header' : 'invalid_deck', detail, {
    errors: lines,
    extensions: { truncated: result.truncated },
  });
}

export function deckErrorView(error: DeckError, format: 'csv' | 'json'): { path: string; message: string; line: number; field: string } {
  if (format === 'csv') return { path: `/lines/${error.line}/${error.field}`, message: error.message, line: error.line, field: error.field };
  // a JSON row's own errors name their row (rows[3].prefix); the deck-wide checks (a duplicate
  // prefix) name only the field, with the row index as `line`: both point into the row
  const field = error.field.startsWith('rows') ? error.field : `rows[${error.line}].${error.field}`;
  return { path: `/${field.replace(/\[(\d+)\]/g, '.$1').split('.').filter((part) => part !== '').join('/')}`, message: error.message, line: error.line, field };
}
