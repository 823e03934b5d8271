// Request shapes of the rating endpoints: types, lengths, formats (400 with the field's path).
// Business rules (deck rows, CDR rules, markups) are the domain's, with their own codes.
import { MAX_NAME_INPUT_CHARS, percentString } from '@billing/contracts';
import { isSourceIp, MAX_DESTINATION_CHARS, MAX_ID_CHARS, UNRATED_REASONS } from '@billing/rating-domain';
import { z } from 'zod';

export const Id = z.string().min(1).max(MAX_ID_CHARS);
const Instant = z.iso.datetime({ offset: true });
const Digits = z.string().regex(/^[0-9]{1,32}$/, 'must be 1 to 32 digits');
const Decimals = z.coerce.number().int().min(0).max(6);
const Mode = z.enum(['up', 'half-up', 'down']);

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const Limit = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);
const Cursor = z.string().min(1).max(500);
/**
 * A sheet's name, only bounded as sent: blank, over 100 characters in its normal form, or with an
 * invisible character is checkSheetName's 422 invalid_name (docs/API.md §1 Names) — as for a JSON
 * import's name, so every route answers one name alike, however many spaces pad it.
 */
export const SheetName = z.string().max(MAX_NAME_INPUT_CHARS).meta({ description: 'at most 100 characters in its normal form (docs/API.md §1 Names), else 422 invalid_name' });

/** `POST /rate-sheets` with `Content-Type: text/csv`: the sheet's fields travel in the query. */
/** `?dryRun=true`: read and check the deck, answer the preview, store nothing. */
const DryRun = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional()
  .meta({ description: 'true: check the deck and answer a preview (200: the rows, or every bad row) without storing anything' });

export const NewSheetCsvQuery = z.strictObject({
  dryRun: DryRun,
  name: SheetName.optional(),
  sheetId: Id.optional(),
  decimals: Decimals.optional(),
  mode: Mode.optional(),
  effectiveFrom: Instant.optional(),
});
export type NewSheetCsvQuery = z.infer<typeof NewSheetCsvQuery>;

/** `POST /rate-sheets/{id}/versions` (CSV query string, or the JSON body's fields). */
export const NewVersionQuery = z.strictObject({
  dryRun: DryRun,
  decimals: Decimals.optional(),
  mode: Mode.optional(),
  effectiveFrom: Instant.optional(),
});
export type NewVersionQuery = z.infer<typeof NewVersionQuery>;

export const SheetQuery = z.strictObject({
  version: Id.optional(),
  limit: Limit,
  cursor: Cursor.optional(),
});
export type SheetQuery = z.infer<typeof SheetQuery>;

/** A price list's rows: the version in force now, in import order. */
export const RatesQuery = z.strictObject({
  limit: Limit,
  cursor: Cursor.optional(),
});
export type RatesQuery = z.infer<typeof RatesQuery>;

export const LookupQuery = z.strictObject({
  number: z.string().min(1).max(MAX_DESTINATION_CHARS),
  at: Instant.optional(),
});
export type LookupQuery = z.infer<typeof LookupQuery>;

/**
 * The grammar of a markup; its range (0 to 1000 %) is the decider's rule, so a negative or too large
 * markup is a 422 invalid_markup like any broken rule, not a malformed body.
 */
export const MARKUP_WIRE_BOUNDS = { min: -1_000_000_000_000n, max: 1_000_000_000_000n } as const;
const Markup = percentString(MARKUP_WIRE_BOUNDS).meta({ description: 'a percentage as a decimal string ("12.5" = base + 12.5 %), 0 to 1000 (else 422 invalid_markup)', examples: ['12.5'] });

export const DeriveBody = z.strictObject({
  name: SheetName,
  markupPercent: Markup,
  sheetId: Id.optional(),
});
export type DeriveBody = z.infer<typeof DeriveBody>;

export const ChangeMarkupBody = z.strictObject({ markupPercent: Markup });
export type ChangeMarkupBody = z.infer<typeof ChangeMarkupBody>;

export const AuthorizeBody = z
  .strictObject({
    callId: Id,
    account: Id.optional(),
    sipUsername: Id.optional(),
    sourceIp: z
      .string()
      .min(2)
      .max(64)
      .refine(isSourceIp, 'must be one IPv4 or IPv6 address')
      .optional()
      .meta({ description: 'the address the call came from: names the customer (an IPBX trunk address, and its tech prefix) when neither account nor sipUsername is given' }),
    callerId: z.string().max(128).default(''),
    destination: z.string().min(1).max(MAX_DESTINATION_CHARS),
  })
  .refine((body) => body.account !== undefined || body.sipUsername !== undefined || body.sourceIp !== undefined, {
    message: 'give an account, a sipUsername or a sourceIp',
    path: ['account'],
  });
export type AuthorizeBody = z.infer<typeof AuthorizeBody>;

export const AsteriskCsvQuery = z.strictObject({
  utcOffset: z
    .string()
    .regex(/^[+-]\d{2}:\d{2}$/, 'must look like +02:00')
    .optional(),
});
export type AsteriskCsvQuery = z.infer<typeof AsteriskCsvQuery>;

export const CallStatusSchema = z.enum(['rated', 'unrated', 'unanswered']);
export const UnratedReasonSchema = z.enum(UNRATED_REASONS);

/** Only calls whose CDR named this SIP user (any user of an account). */
const SipUsername = z.string().min(1).max(64).meta({ description: 'only the calls this SIP user made (the user the CDR named)' });

export const CallsQuery = z.strictObject({
  from: Instant.optional(),
  to: Instant.optional(),
  destination: Digits.optional().meta({ description: 'normalised digits the dialled number starts with, e.g. 44' }),
  status: CallStatusSchema.optional(),
  sipUsername: SipUsername.optional(),
  limit: Limit,
  cursor: Cursor.optional(),
  format: z.enum(['json', 'csv']).optional().meta({ description: 'csv exports every matching call; absent: JSON, or CSV for Accept: text/csv' }),
});
export type CallsQuery = z.infer<typeof CallsQuery>;

export const AgentCallsQuery = CallsQuery.extend({ customerId: Id.optional() });
export type AgentCallsQuery = z.infer<typeof AgentCallsQuery>;

export const UnratedQuery = z.strictObject({
  from: Instant.optional(),
  to: Instant.optional(),
  reason: UnratedReasonSchema.optional(),
  customerId: Id.optional(),
  limit: Limit,
  cursor: Cursor.optional(),
  format: z.enum(['json', 'csv']).optional().meta({ description: 'csv exports every matching call; absent: JSON, or CSV for Accept: text/csv' }),
});
export type UnratedQuery = z.infer<typeof UnratedQuery>;

export const SummaryQuery = z.strictObject({
  from: Instant.optional(),
  to: Instant.optional(),
  top: z.coerce.number().int().min(1).max(100).default(10),
  sipUsername: SipUsername.optional(),
  groupBy: z.enum(['sipUsername']).optional().meta({ description: 'sipUsername: add `bySipUsername`, the traffic of each SIP user (top rows by revenue)' }),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const BulkReRateBody = z.strictObject({
  reason: UnratedReasonSchema.optional(),
  customerId: Id.optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type BulkReRateBody = z.infer<typeof BulkReRateBody>;

