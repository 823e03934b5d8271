// Rate sheets: ITC imports a deck as CSV (streamed, sheet fields in the query) or JSON, adds
// versions, derives, changes a markup, views with rows, looks up a number. An agent sees the sheet
// ITC assigned to it and derives its own sheets from it, at a markup ≥ 0 (to sell to different
// customers at different prices), which it alone (and ITC) may view and re-price; every other
// sheet is 404 to it, as if it did not exist (SheetAccess), so other tenants' ids cannot be probed.
import { MAX_NAME_INPUT_CHARS } from '@billing/contracts';
import { ApiProblemResponse, ApiRequestBody, CurrentUser, invalidDetail, ProblemException, Roles, ValidBody, ValidParam, ValidQuery, zodSchema, type Principal } from '@billing/gateway';
import { formatMoney, formatPercent, parsePercent } from '@billing/money';
import { DEFAULT_ROUNDING, readRounding, sheetOwner, type SheetRounding } from '@billing/rating-domain';
import { Body, Controller, Get, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { CommandContext } from '../application/command-context.js';
import { RatingClock } from '../infrastructure/clock.js';
import { RateSheetsService, type DeckSource, type ImportResult } from '../sheets/rate-sheets.service.js';
import { DeckPreviewView, deckPreviewView } from './deck-preview-view.js';
import { SheetAccess } from '../sheets/sheet-access.js';
import { CSV_DECK_DOC, JsonSheetDoc, JsonVersionDoc } from './body-docs.js';
import { Caller } from './caller.decorator.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ChangeMarkupBody, DeriveBody, Id, LookupQuery, MARKUP_WIRE_BOUNDS, NewSheetCsvQuery, NewVersionQuery, SheetQuery } from './schemas.js';
import { streamedUpload } from './streamed-uploads.js';
import { RateRowSchema, rateRowView, sheetView, SheetView, sheetViewFor } from './views.js';

const ImportView = SheetView.extend({
  imported: z.object({
    versionId: z.string(),
    rowCount: z.number().int(),
    importMs: z.number().int(),
    phasesMs: z.object({ read: z.number().int(), stage: z.number().int(), commit: z.number().int(), build: z.number().int() }),
  }),
});
const SheetList = z.object({
  items: z.array(z.object({ sheetId: z.string(), kind: z.string(), name: z.string(), baseSheetId: z.string().nullable(), ownerAgentId: z.string().nullable() })),
});
const SheetWithRows = SheetView.extend({ rows: z.object({ versionId: z.string().nullable(), items: z.array(RateRowSchema), nextCursor: z.string().nullable() }) });
const LookupView = z.object({
  number: z.string(),
  sheetId: z.string(),
  versionId: z.string(),
  markupPercent: z.string().nullable().meta({ description: "the sheet's own markup; null for an agent looking at the sheet ITC assigned to it" }),
  rounding: z.object({ decimals: z.number().int(), mode: z.string() }),
  rate: RateRowSchema,
  ratePerMinute: z.string(),
});

const DECK_DOC =
  'CSV (`Content-Type: text/csv`, streamed; the sheet fields go in the query string) or JSON ' +
  '`{name, rounding?, effectiveFrom?, sheetId?, rows: [{prefix, destination, connectFee?, minimumSeconds?, intervals: [{startSecond, ratePerMinute, incrementSeconds}]}]}`. ' +
  'CSV header: prefix, destination, connect_fee, minimum_seconds, rate_per_minute, increment_seconds, interval2_start_second, interval2_rate_per_minute, ' +
  'interval2_increment_seconds … interval8_…, effective_from (docs/rating.md §7). All or nothing: a deck with a bad row is refused (422) with every bad ' +
  'row and its line (at most 1000, then `truncated`), and nothing is stored. JSON bodies are bounded by the API body limit (1 MiB): send big decks as CSV.';

@ApiTags('rate sheets')
@Controller('rate-sheets')
@Roles('admin')
export class RateSheetsController {
  constructor(
    @Inject(RateSheetsService) private readonly sheets: RateSheetsService,
    @Inject(RatingClock) private readonly clock: RatingClock,
    @Inject(SheetAccess) private readonly access: SheetAccess,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Import a deck as a new base sheet (its first version)', description: DECK_DOC })
  @ApiRequestBody({ 'application/json': zodSchema(JsonSheetDoc, 'input'), 'text/csv': CSV_DECK_DOC }, 'the deck as JSON, or as a CSV stream (then the sheet fields go in the query string)')
  @ApiResponse({ status: 201, standardSchema: ImportView })
  @ApiResponse({ status: 200, standardSchema: DeckPreviewView, description: 'dryRun: the preview (nothing stored)' })
  @ApiProblemResponse(400, 'invalid_deck_header (CSV header / JSON fields), invalid_encoding, validation')
  @ApiProblemResponse(409, "sheet_exists; name_taken (another of ITC's sheets has a name that looks the same: docs/API.md §1 Names), a dry run too")
  @ApiProblemResponse(413, 'upload_too_large')
  @ApiProblemResponse(422, 'invalid_deck: every bad row with its line; invalid_name (blank, over 100 characters, an invisible character), a dry run too')
  async create(
    @Req() request: IncomingMessage,
    @Body() body: unknown,
    @ValidQuery(NewSheetCsvQuery) query: NewSheetCsvQuery,
    @Caller() context: CommandContext,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const upload = streamedUpload(request);
    let input: { sheetId?: string | undefined; name?: string | undefined; rounding: SheetRounding; effectiveFrom?: string | undefined };
    let source: DeckSource;
    let dryRun: boolean;
    if (upload !== undefined) {
      if (query.name === undefined && query.dryRun !== true) throw validation('/name', 'the sheet name is required (?name=)');
      source = csvSource(request, upload.contentEncoding);
      input = { sheetId: query.sheetId, name: query.name, rounding: roundingOf(query) ?? DEFAULT_ROUNDING, effectiveFrom: query.effectiveFrom };
      dryRun = query.dryRun === true;
    } else {
      dryRun = jsonDryRun(query, body);
      const { sheetId, name, rounding, effectiveFrom, rows } = jsonSheet(body, true);
      input = { sheetId, name: name!, rounding: rounding ?? DEFAULT_ROUNDING, effectiveFrom };
      source = { format: 'json', rows };
    }
    if (dryRun) {
      response.status(200);
      return deckPreviewView(await this.sheets.previewSheet(input, source), source.format);
    }
    return this.importView(await this.sheets.createSheet(context, { ...input, name: input.name ?? '' }, source));
  }

  @Post(':id/versions')
  @ApiOperation({
    summary: 'Import a deck as a new version of a base sheet',
    description: `${DECK_DOC} The version applies to calls starting from effectiveFrom (default: now); a derived sheet follows its base's versions (422 not_a_base_sheet).`,
  })
  @ApiRequestBody({ 'application/json': zodSchema(JsonVersionDoc, 'input'), 'text/csv': CSV_DECK_DOC }, 'the deck as JSON, or as a CSV stream (then the version fields go in the query string)')
  @ApiResponse({ status: 201, standardSchema: ImportView })
  @ApiResponse({ status: 200, standardSchema: DeckPreviewView, description: 'dryRun: the preview (nothing stored)' })
  @ApiProblemResponse(404, 'sheet_not_found')
  @ApiProblemResponse(409, 'effective_from_taken, too_many_versions')
  @ApiProblemResponse(422, 'invalid_deck, not_a_base_sheet')
  async addVersion(
    @ValidParam('id', Id) id: string,
    @Req() request: IncomingMessage,
    @Body() body: unknown,
    @ValidQuery(NewVersionQuery) query: NewVersionQuery,
    @Caller() context: CommandContext,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const upload = streamedUpload(request);
    let input: { rounding: SheetRounding | undefined; effectiveFrom: string | undefined };
    let source: DeckSource;
    let dryRun: boolean;
    if (upload !== undefined) {
      input = { rounding: roundingOf(query), effectiveFrom: query.effectiveFrom };
      source = csvSource(request, upload.contentEncoding);
      dryRun = query.dryRun === true;
    } else {
      dryRun = jsonDryRun(query, body);
      const { rounding, effectiveFrom, rows } = jsonSheet(body, false);
      input = { rounding, effectiveFrom };
      source = { format: 'json', rows };
    }
    if (dryRun) {
      response.status(200);
      return deckPreviewView(await this.sheets.previewVersion(id, input, source), source.format);
    }
    return this.importView(await this.sheets.importVersion(context, id, input, source));
  }

  @Get()
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'Rate sheets (id, kind, name, base, owner): ITC all; an agent the sheet ITC assigned to it and the sheets it derived' })
  @ApiResponse({ status: 200, standardSchema: SheetList })
  async list(@CurrentUser() user: Principal) {
    if (user.role !== 'agent') return { items: await this.sheets.list() };
    const assignedSheetId = await this.access.assignedSheet(user.subjectId);
    // the assigned sheet is listed as the agent sees it: without ITC's base and markup
    const items = await this.sheets.list({ agentId: user.subjectId, assignedSheetId });
    return { items: items.map((item) => (item.ownerAgentId === user.subjectId ? item : { ...item, baseSheetId: null })) };
  }

  @Get(':id')
  @Roles('admin', 'agent')
  @ApiOperation({
    summary: 'A sheet with its versions (or, derived: its markups and its base versions) and its rows, paginated',
    description:
      'Rows of ?version= (default: the one in force now), in import order; a derived sheet shows marked-up rows. An agent sees the sheet ITC assigned to it ' +
      '(without its base and markup: the rows are what the agent pays) and the sheets it derived; any other sheet is 404.',
  })
  @ApiResponse({ status: 200, standardSchema: SheetWithRows })
  @ApiProblemResponse(404, 'sheet_not_found (also: not yours), version_not_found')
  async get(@ValidParam('id', Id) id: string, @ValidQuery(SheetQuery) query: SheetQuery, @CurrentUser() user: Principal) {
    const { state } = await this.access.visible(user, id);
    const afterPosition = query.cursor === undefined ? 0 : decodeCursor(query.cursor, ['number'] as const)[0];
    const page = await this.sheets.rows(id, { versionId: query.version, afterPosition, limit: query.limit });
    const view = sheetViewFor(user, sheetView(state, await this.sheets.baseOf(state), this.clock.now().toISOString()));
    return {
      ...view,
      rows: { versionId: page.versionId, items: page.rows.map(rateRowView), nextCursor: page.nextPosition === null ? null : encodeCursor([page.nextPosition]) },
    };
  }

  @Get(':id/lookup')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'The rate a number gets from this sheet (longest prefix), for a call starting ?at= (default now)', description: 'An agent: its assigned sheet (markupPercent null) and the sheets it derived.' })
  @ApiResponse({ status: 200, standardSchema: LookupView })
  @ApiProblemResponse(404, 'sheet_not_found (also: not yours), no_rate_sheet (no version in force), no_rate (no prefix matches)')
  @ApiProblemResponse(422, 'invalid_destination')
  async lookup(@ValidParam('id', Id) id: string, @ValidQuery(LookupQuery) query: LookupQuery, @CurrentUser() user: Principal) {
    const { state } = await this.access.visible(user, id);
    const { number, tariff, row } = await this.sheets.lookup(id, query.number, query.at);
    const ownMarkup = user.role === 'admin' || sheetOwner(state) === user.subjectId;
    return {
      number,
      sheetId: tariff.sheetId,
      versionId: tariff.versionId,
      markupPercent: ownMarkup ? formatPercent(tariff.markupMicroPercent) : null,
      rounding: { decimals: tariff.table.rounding.decimals, mode: tariff.table.rounding.mode },
      rate: rateRowView(row),
      ratePerMinute: formatMoney(row.intervals[0]!.ratePerMinuteMicros),
    };
  }

  @Post(':id/derived')
  @Roles('admin', 'agent')
  @ApiOperation({
    summary: 'Derive a sheet from this sheet: every rate and connect fee × (1 + markup), rounded up to 6 decimals; it follows new base versions',
    description:
      'ITC derives from a base sheet or from a sheet derived from one (at most two markups). An agent derives only from the sheet ITC assigned to it, ' +
      'at a markup of 0 to 1000 %, and owns the result (it may bill its customers with it).',
  })
  @ApiResponse({ status: 201, standardSchema: SheetView })
  @ApiProblemResponse(403, 'not_assigned_sheet (an agent, from a sheet it may see but was not assigned)')
  @ApiProblemResponse(404, 'base_not_found; sheet_not_found (an agent, a sheet not its own)')
  @ApiProblemResponse(409, "sheet_exists; too_many_sheets (an agent already owns 50 derived sheets); name_taken (another sheet of the deriving owner — ITC, or the agent — has a name that looks the same: docs/API.md §1 Names)")
  @ApiProblemResponse(422, 'base_is_derived, invalid_markup (below 0 or above 1000 %), invalid_name (blank, over 100 characters, an invisible character)')
  async derive(@ValidParam('id', Id) id: string, @ValidBody(DeriveBody) body: DeriveBody, @Caller() context: CommandContext) {
    const markupMicroPercent = parsePercent(body.markupPercent, 'markupPercent', MARKUP_WIRE_BOUNDS);
    const user = context.principal;
    let owner: { agentId: string; assignedSheetId: string | null } | null = null;
    if (user.role === 'agent') {
      await this.access.visible(user, id);
      owner = { agentId: user.subjectId, assignedSheetId: await this.access.assignedSheet(user.subjectId) };
    }
    const sheet = await this.sheets.derive(context, id, { sheetId: body.sheetId, name: body.name, markupMicroPercent }, owner);
    return sheetViewFor(user, sheetView(sheet.state, await this.sheets.baseOf(sheet.state), this.clock.now().toISOString()));
  }

  @Patch(':id')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: "Change a derived sheet's markup: it applies to calls starting from now", description: 'ITC: any derived sheet. An agent: only the sheets it derived (0 to 1000 %).' })
  @ApiResponse({ status: 200, standardSchema: SheetView })
  @ApiProblemResponse(403, 'not_sheet_owner (an agent, its assigned sheet)')
  @ApiProblemResponse(404, 'sheet_not_found (also: an agent, a sheet not its own)')
  @ApiProblemResponse(422, 'not_a_derived_sheet, invalid_markup (below 0 or above 1000 %)')
  async changeMarkup(@ValidParam('id', Id) id: string, @ValidBody(ChangeMarkupBody) body: ChangeMarkupBody, @Caller() context: CommandContext) {
    const user = context.principal;
    if (user.role === 'agent') await this.access.visible(user, id);
    const markupMicroPercent = parsePercent(body.markupPercent, 'markupPercent', MARKUP_WIRE_BOUNDS);
    const sheet = await this.sheets.changeMarkup(context, id, markupMicroPercent, user.role === 'agent' ? user.subjectId : null);
    return sheetViewFor(user, sheetView(sheet.state, await this.sheets.baseOf(sheet.state), this.clock.now().toISOString()));
  }

  private async importView(result: ImportResult) {
    const view = sheetView(result.sheet.state, await this.sheets.baseOf(result.sheet.state), this.clock.now().toISOString());
    const { read, stage, commit, build } = result.phasesMs;
    const phasesMs = { read: Math.round(read), stage: Math.round(stage), commit: Math.round(commit), build: Math.round(build) };
    return { ...view, imported: { versionId: result.versionId, rowCount: result.rowCount, importMs: Math.round(result.importMs), phasesMs } };
  }
}

function csvSource(request: IncomingMessage, contentEncoding: string | undefined): DeckSource {
  if (contentEncoding !== undefined && contentEncoding.toLowerCase() !== 'identity') {
    throw new ProblemException(415, 'unsupported_content_encoding', 'send the CSV uncompressed (Content-Encoding: identity)');
  }
  return { format: 'csv', chunks: request as AsyncIterable<Uint8Array> };
}

function roundingOf(query: { decimals?: number | undefined; mode?: SheetRounding['mode'] | undefined }): SheetRounding | undefined {
  if (query.decimals === undefined && query.mode === undefined) return undefined;
  return { decimals: query.decimals ?? DEFAULT_ROUNDING.decimals, mode: query.mode ?? DEFAULT_ROUNDING.mode };
}

/** Nest's response, only to answer 200 for a dry run (an import is 201). */
interface StatusResponse {
  status(code: number): unknown;
}

/** A JSON deck's dry-run flag: `?dryRun=` or the body's `dryRun` (the query may carry nothing else). */
function jsonDryRun(query: { dryRun?: boolean | undefined }, body: unknown): boolean {
  const { dryRun, ...others } = query;
  if (Object.keys(others).length > 0) throw validation('', 'with a JSON body, the sheet fields go in the body, not the query string');
  const bodyFlag = typeof body === 'object' && body !== null ? (body as { dryRun?: unknown }).dryRun : undefined;
  return dryRun === true || bodyFlag === true;
}

const SHEET_KEYS = new Set(['name', 'rounding', 'effectiveFrom', 'rows', 'sheetId', 'dryRun']);
const VERSION_KEYS = new Set(['rounding', 'effectiveFrom', 'rows', 'dryRun']);

/** The JSON sheet's fields other than the rows (rows are validated with their index by the deck reader). */
function jsonSheet(body: unknown, withName: boolean): { sheetId?: string; name?: string; rounding: SheetRounding | undefined; effectiveFrom: string | undefined; rows: readonly unknown[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProblemException(400, 'invalid_deck_header', 'send the deck as CSV (Content-Type: text/csv) or as a JSON object', { errors: [{ path: '', message: 'must be a JSON object' }] });
  }
  const fields = body as Record<string, unknown>;
  const errors: { path: string; message: string }[] = [];
  for (const key of Object.keys(fields)) if (!(withName ? SHEET_KEYS : VERSION_KEYS).has(key)) errors.push({ path: `/${key}`, message: 'unknown field' });
  const { name, rounding, effectiveFrom, rows, sheetId, dryRun } = fields;
  if (dryRun !== undefined && typeof dryRun !== 'boolean') errors.push({ path: '/dryRun', message: 'must be true or false' });
  // its content (blank, too long, invisible characters) is the sheet's rule: 422 invalid_name, as for a CSV's ?name=
  if (withName && typeof name !== 'string') errors.push({ path: '/name', message: 'must be a string: the sheet name' });
  // as sent it is bounded as the CSV's ?name= is (400 beyond), only so that normalising it is bounded work
  if (withName && typeof name === 'string' && name.length > MAX_NAME_INPUT_CHARS) errors.push({ path: '/name', message: `must be at most ${MAX_NAME_INPUT_CHARS} characters` });
  if (sheetId !== undefined && (typeof sheetId !== 'string' || !Id.safeParse(sheetId).success)) errors.push({ path: '/sheetId', message: 'must be 1 to 128 characters' });
  const readRoundingResult = rounding === undefined ? undefined : readRounding(rounding);
  if (readRoundingResult !== undefined && !readRoundingResult.ok) for (const error of readRoundingResult.errors) errors.push({ path: `/${error.field.replace('.', '/')}`, message: error.message });
  if (effectiveFrom !== undefined && effectiveFrom !== null && !z.iso.datetime({ offset: true }).safeParse(effectiveFrom).success) {
    errors.push({ path: '/effectiveFrom', message: 'must be an ISO 8601 instant with an offset' });
  }
  if (!Array.isArray(rows)) errors.push({ path: '/rows', message: 'must be an array of rate rows' });
  if (errors.length > 0) throw new ProblemException(400, 'invalid_deck_header', 'the sheet fields are invalid; nothing was imported', { errors });
  return {
    ...(typeof sheetId === 'string' ? { sheetId } : {}),
    ...(typeof name === 'string' ? { name } : {}),
    rounding: readRoundingResult?.ok ? readRoundingResult.value : undefined,
    effectiveFrom: typeof effectiveFrom === 'string' ? effectiveFrom : undefined,
    rows: rows as unknown[],
  };
}

function validation(path: string, message: string): ProblemException {
  return new ProblemException(400, 'validation', invalidDetail('request', [{ path, message }]), { title: 'Invalid request', errors: [{ path, message }] });
}
