// The softswitch's endpoints (docs/API.md, role `switch`): call authorization and CDR intake in
// three formats. A CDR that breaks a rule is a 400 with its field errors (a batch answers per
// CDR); a valid CDR that cannot be rated is kept as an unrated call, never dropped.
import { ApiProblemResponse, ApiRequestBody, Idempotent, invalidDetail, ProblemException, Roles, ValidBody, ValidQuery, zodSchema } from '@billing/gateway';
import {
  ASTERISK_COLUMNS,
  CsvEncodingError,
  CsvRecordReader,
  MAX_CDR_BATCH,
  nativeCdrItems,
  parseAsteriskCsvRecord,
  parseFreeswitchCdr,
  parseNativeCdr,
  type CanonicalCdr,
  type FieldError,
} from '@billing/rating-domain';
import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { CommandContext } from '../application/command-context.js';
import { AuthorizationService, REFUSAL_REASONS } from '../calls/authorization.service.js';
import { CdrIntake, type CdrOutcome } from '../calls/cdr-intake.service.js';
import { RATING_OPTIONS, type ResolvedRatingOptions } from '../rating.options.js';
import { Caller } from './caller.decorator.js';
import { FreeswitchCdrDoc, NativeCdrBodyDoc } from './body-docs.js';
import { cdrOutcomeView, CdrOutcomeView } from './cdr-views.js';
import { AsteriskCsvQuery, AuthorizeBody } from './schemas.js';
import { streamedUpload } from './streamed-uploads.js';

const AuthorizationView = z.object({
  allowed: z.boolean(),
  maxDurationSeconds: z.number().int().meta({ description: '0 = refused' }),
  reason: z.enum(REFUSAL_REASONS).nullable(),
  ratePerMinute: z.string().nullable(),
  callerId: z.string().nullable(),
  followMe: z.object({ enabled: z.boolean(), targets: z.array(z.object({ destination: z.string(), ringSeconds: z.number().int() })) }).nullable(),
  feature: z
    .enum(['internationalCalls', 'premiumDestinations'])
    .nullable()
    .meta({ description: 'the PBX feature ITC has not given the customer, when reason is feature_international_calls_not_assigned / feature_premium_destinations_not_assigned' }),
  granted: z.string(),
});
const BatchView = z.object({
  results: z.array(CdrOutcomeView.extend({ index: z.number().int(), errors: z.array(z.object({ field: z.string(), message: z.string() })).optional() })),
  counts: z.record(z.string(), z.number().int()),
});
const AsteriskView = z.object({
  lines: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  problems: z.array(z.object({ line: z.number().int(), callId: z.string().nullable(), code: z.string(), message: z.string() })),
  truncated: z.boolean(),
});

/** Master.csv rows recorded together (one pricing query, one transaction). */
const ASTERISK_BATCH_ROWS = 500;
const MAX_REPORTED_PROBLEMS = 1_000;

@ApiTags('switch')
@Controller('switch')
@Roles('switch')
export class SwitchController {
  constructor(
    @Inject(AuthorizationService) private readonly authorization: AuthorizationService,
    @Inject(CdrIntake) private readonly intake: CdrIntake,
    @Inject(RATING_OPTIONS) private readonly options: ResolvedRatingOptions,
  ) {}

  @Post('authorize')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Authorize a call: how long may it last?',
    description:
      'Prices the destination, counts the open calls, asks wallet for a hold worth the longest call allowed and answers the longest duration the hold pays for ' +
      '(whole increments). Refusals are 200 with allowed: false, maxDurationSeconds: 0 and a reason.',
  })
  @ApiResponse({ status: 200, standardSchema: AuthorizationView })
  async authorize(@ValidBody(AuthorizeBody) body: AuthorizeBody, @Caller() context: CommandContext) {
    return this.authorization.authorize(context, {
      callId: body.callId,
      account: body.account ?? null,
      sipUsername: body.sipUsername ?? null,
      sourceIp: body.sourceIp ?? null,
      callerId: body.callerId,
      destination: body.destination,
    });
  }

  @Post('cdrs')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: `Native JSON CDRs: one object, or {cdrs: [...]} with 1 to ${MAX_CDR_BATCH}`,
    description:
      '`{callId, account | sipUsername | sourceIp, callerId, destination, startedAt, answeredAt (null if unanswered), endedAt, billsec, disposition}`. One CDR: 200 with ' +
      'its outcome, 400 with field errors, 409 cdr_conflict for another CDR of a call already recorded. A batch: 200 with one result per CDR (status invalid / conflict for those that failed).',
  })
  @ApiRequestBody({ 'application/json': zodSchema(NativeCdrBodyDoc, 'input') }, 'one CDR, or {cdrs: [...]}')
  @ApiResponse({ status: 200, description: 'one CDR: its outcome; a batch: one result per CDR', standardSchema: z.union([CdrOutcomeView, BatchView]) })
  @ApiProblemResponse(400, 'field errors of one CDR (`errors`), or a body that is neither a CDR nor {cdrs: [...]}', ['invalid_cdr'])
  @ApiProblemResponse(409, 'cdr_conflict')
  @ApiProblemResponse(422, 'cdr_in_future (the call ends more than 5 min after rating\'s clock: not recorded), invalid_id')
  async nativeCdrs(@Body() body: unknown, @Caller() context: CommandContext) {
    const items = nativeCdrItems(body);
    if (!items.ok) throw cdrProblem(items.errors);
    if (!isBatch(body)) {
      const parsed = parseNativeCdr(items.value[0]);
      if (!parsed.ok) throw cdrProblem(parsed.errors);
      return this.single(context, parsed.value);
    }
    const parsed = items.value.map((item, index) => parseNativeCdr(item, `cdrs[${index}]`));
    const valid = parsed.flatMap((result, index) => (result.ok ? [{ index, cdr: result.value }] : []));
    const outcomes = await this.intake.record(context, valid.map((item) => item.cdr));
    const outcomeAt = new Map(valid.map((item, i) => [item.index, outcomes[i]!]));
    const results: z.infer<typeof BatchView>['results'] = parsed.map((result, index) =>
      result.ok ? { index, ...cdrOutcomeView(outcomeAt.get(index)!) } : invalidResult(index, (items.value[index] as { callId?: unknown })?.callId, result.errors),
    );
    return { results, counts: countOf(results.map((result) => (result.duplicate ? 'duplicate' : result.status))) };
  }

  @Post('cdrs/freeswitch')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'A FreeSWITCH mod_json_cdr POST body (docs/rating.md §8)' })
  @ApiRequestBody({ 'application/json': zodSchema(FreeswitchCdrDoc, 'input') }, 'the mod_json_cdr POST body')
  @ApiResponse({ status: 200, standardSchema: CdrOutcomeView })
  @ApiProblemResponse(400, 'field errors (variables.billsec …)')
  @ApiProblemResponse(409, 'cdr_conflict')
  @ApiProblemResponse(422, 'cdr_in_future (the call ends more than 5 min after rating\'s clock: not recorded), invalid_id')
  async freeswitchCdr(@Body() body: unknown, @Caller() context: CommandContext) {
    const parsed = parseFreeswitchCdr(body);
    if (!parsed.ok) throw cdrProblem(parsed.errors);
    return this.single(context, parsed.value);
  }

  @Post('cdrs/asterisk-csv')
  @HttpCode(200)
  @ApiOperation({
    summary: 'An Asterisk Master.csv upload (Content-Type: text/csv, streamed; no header)',
    description:
      'Rows are recorded in batches as they stream in; every row that cannot be read is reported with its line and the rest is recorded (a CDR is a fact of its own). ' +
      'Re-uploading a file is harmless: each call is recorded once (rows without uniqueid get a hash of the row as call id). Times are the switch\'s local time: ?utcOffset=+02:00 (default +00:00; configure usegmtime=yes).',
  })
  @ApiRequestBody({ 'text/csv': { type: 'string', description: `Asterisk Master.csv lines (cdr_csv), no header: ${ASTERISK_COLUMNS.join(', ')}` } })
  @ApiResponse({ status: 200, standardSchema: AsteriskView })
  @ApiProblemResponse(413, 'upload_too_large')
  @ApiProblemResponse(415, 'send the file as text/csv, uncompressed', ['unsupported_media_type', 'unsupported_content_encoding'])
  async asteriskCsv(@Req() request: IncomingMessage, @ValidQuery(AsteriskCsvQuery) query: AsteriskCsvQuery, @Caller() context: CommandContext) {
    const upload = streamedUpload(request);
    if (upload === undefined) throw new ProblemException(415, 'unsupported_media_type', 'send Master.csv as Content-Type: text/csv');
    if (upload.contentEncoding !== undefined && upload.contentEncoding.toLowerCase() !== 'identity') throw new ProblemException(415, 'unsupported_content_encoding', 'send the CSV uncompressed');
    const reader = new CsvRecordReader();
    const problems: z.infer<typeof AsteriskView>['problems'] = [];
    const statuses: string[] = [];
    let truncated = false;
    let lines = 0;
    let pending: { line: number; cdr: CanonicalCdr }[] = [];
    const report = (problem: (typeof problems)[number]) => {
      if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
      else truncated = true;
    };
    const flush = async () => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      const outcomes = await this.intake.record(context, batch.map((item) => item.cdr));
      outcomes.forEach((outcome, i) => {
        const view = cdrOutcomeView(outcome);
        statuses.push(view.duplicate ? 'duplicate' : view.status);
        if (outcome.status === 'rejected') report({ line: batch[i]!.line, callId: outcome.callId, code: outcome.code, message: outcome.message });
      });
    };
    const take = async (records: ReturnType<CsvRecordReader['push']>) => {
      for (const record of records) {
        lines += 1;
        if (!record.ok) {
          statuses.push('invalid');
          report({ line: record.line, callId: null, code: 'invalid_line', message: record.error });
          continue;
        }
        const parsed = parseAsteriskCsvRecord(record.fields, { utcOffset: query.utcOffset ?? '+00:00' });
        if (!parsed.ok) {
          statuses.push('invalid');
          report({ line: record.line, callId: uniqueidOf(record.fields), code: 'invalid_cdr', message: parsed.errors.map((e) => (e.field === 'line' ? e.message : `${e.field}: ${e.message}`)).join('; ') });
          continue;
        }
        pending.push({ line: record.line, cdr: parsed.value });
        if (pending.length >= ASTERISK_BATCH_ROWS) await flush();
      }
    };
    let bytes = 0;
    try {
      for await (const chunk of request as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        if (bytes > this.options.maxUploadBytes) throw new ProblemException(413, 'upload_too_large', `an upload may have at most ${this.options.maxUploadBytes} bytes; rows before this point were recorded`);
        await take(reader.push(chunk));
      }
      await take(reader.end());
    } catch (error) {
      if (error instanceof CsvEncodingError) throw new ProblemException(400, 'invalid_encoding', `${error.message}; rows before this point were recorded`);
      throw error;
    }
    await flush();
    return { lines, counts: countOf(statuses), problems, truncated };
  }

  private async single(context: CommandContext, cdr: CanonicalCdr) {
    const [outcome] = await this.intake.record(context, [cdr]);
    if (outcome!.status === 'rejected') throw new ProblemException(outcome!.httpStatus, outcome!.code, outcome!.message);
    return cdrOutcomeView(outcome as CdrOutcome);
  }
}

function isBatch(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'cdrs' in body;
}

function cdrProblem(errors: readonly FieldError[]): ProblemException {
  const problemErrors = errors.map((error) => ({ path: `/${error.field.replace(/\[(\d+)\]/g, '.$1').split('.').join('/')}`, message: error.message }));
  return new ProblemException(400, 'invalid_cdr', invalidDetail('CDR', problemErrors), { errors: problemErrors });
}

function invalidResult(index: number, callId: unknown, errors: readonly FieldError[]) {
  return {
    index,
    callId: typeof callId === 'string' ? callId : '',
    status: 'invalid' as const,
    duplicate: false,
    cost: null,
    reason: null,
    code: 'invalid_cdr',
    message: 'the CDR breaks a rule; it was not recorded',
    errors: errors.map((error) => ({ field: error.field, message: error.message })),
  };
}

function countOf(statuses: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The row's own call id (Asterisk's uniqueid) for the report of a row that could not be read, when it has one. */
function uniqueidOf(fields: readonly string[]): string | null {
  const uniqueid = fields[ASTERISK_COLUMNS.indexOf('uniqueid')]?.trim() ?? '';
  return uniqueid === '' ? null : uniqueid;
}
