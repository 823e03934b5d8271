// OpenAPI shapes of the bodies the rating domain parses itself (CDRs, JSON decks): the parsers
// (parseNativeCdr, parseJsonRateRow, …) are the validators — with per-row line numbers and codes
// zod could not give — and these schemas state the same fields and limits for clients.
// body-docs.spec.ts checks them against the parsers so that they cannot drift.
import {
  CALL_DISPOSITIONS,
  MAX_BILLSEC_SECONDS,
  MAX_CALLER_ID_CHARS,
  MAX_CDR_BATCH,
  MAX_DECK_ROWS,
  MAX_DESTINATION_CHARS,
  MAX_DESTINATION_NAME_CHARS,
  MAX_ID_CHARS,
  MAX_INCREMENT_SECONDS,
  MAX_INTERVAL_START_SECONDS,
  MAX_INTERVALS_PER_ROW,
  MAX_MINIMUM_SECONDS,
  MAX_PREFIX_DIGITS,
} from '@billing/rating-domain';
import { NonNegativeMoneyString } from '@billing/contracts';
import { z } from 'zod';
import { SheetName } from './schemas.js';

const Instant = z.iso.datetime({ offset: true });
const Id = z.string().min(1).max(MAX_ID_CHARS);

/** One native CDR (docs/rating.md §8). `account` or `sipUsername` names the customer; without either, `sourceIp` (an IPBX trunk). */
export const NativeCdrDoc = z
  .strictObject({
    callId: Id,
    account: Id.nullable().optional().meta({ description: "the customer's account number (or give sipUsername)" }),
    sipUsername: Id.nullable().optional().meta({ description: "the customer's SIP user (or give account)" }),
    sourceIp: z
      .string()
      .min(2)
      .max(64)
      .nullable()
      .optional()
      .meta({ description: 'the IPv4/IPv6 address the call came from: names the customer (its trunk address, and tech prefix) when neither account nor sipUsername is given' }),
    callerId: z.string().max(MAX_CALLER_ID_CHARS).optional(),
    destination: z.string().min(1).max(MAX_DESTINATION_CHARS).meta({ description: 'the dialled number, as the switch saw it' }),
    startedAt: Instant,
    answeredAt: Instant.nullable().meta({ description: 'null when the call was not answered' }),
    endedAt: Instant,
    billsec: z.number().int().min(0).max(MAX_BILLSEC_SECONDS).meta({ description: 'billed seconds: 0 when unanswered, at most answer → end (+1 s)' }),
    disposition: z.enum(CALL_DISPOSITIONS),
  })
  .meta({ description: 'one CDR' });

export const NativeCdrBodyDoc = z.union([
  NativeCdrDoc,
  z.strictObject({ cdrs: z.array(NativeCdrDoc).min(1).max(MAX_CDR_BATCH) }).meta({ description: `a batch of 1 to ${MAX_CDR_BATCH} CDRs` }),
]);

const RateIntervalDoc = z.strictObject({
  startSecond: z.number().int().min(0).max(MAX_INTERVAL_START_SECONDS).meta({ description: 'the first interval starts at 0' }),
  ratePerMinute: NonNegativeMoneyString,
  incrementSeconds: z.number().int().min(1).max(MAX_INCREMENT_SECONDS),
});

export const RateRowDoc = z.strictObject({
  prefix: z.string().regex(new RegExp(`^[0-9]{1,${MAX_PREFIX_DIGITS}}$`)).meta({ description: 'digits, longest match wins' }),
  destination: z.string().min(1).max(MAX_DESTINATION_NAME_CHARS),
  connectFee: NonNegativeMoneyString.optional(),
  minimumSeconds: z.number().int().min(0).max(MAX_MINIMUM_SECONDS).optional(),
  intervals: z.array(RateIntervalDoc).min(1).max(MAX_INTERVALS_PER_ROW),
});

const RoundingDoc = z.strictObject({ decimals: z.number().int().min(0).max(6), mode: z.enum(['up', 'half-up', 'down']) });

const versionFields = {
  rounding: RoundingDoc.optional(),
  effectiveFrom: Instant.nullable().optional().meta({ description: 'default: now' }),
  rows: z.array(RateRowDoc).min(1).max(MAX_DECK_ROWS),
  dryRun: z.boolean().optional().meta({ description: 'true: check the deck and answer a preview without storing anything (as ?dryRun=true)' }),
};

/** `POST /rate-sheets` as JSON. */
export const JsonSheetDoc = z.strictObject({ sheetId: Id.optional(), name: SheetName, ...versionFields });
/** `POST /rate-sheets/{id}/versions` as JSON. */
export const JsonVersionDoc = z.strictObject(versionFields);

export const CSV_DECK_DOC = {
  type: 'string',
  description:
    'a CSV deck (Content-Type: text/csv, streamed). Header: prefix, destination, connect_fee, minimum_seconds, rate_per_minute, increment_seconds, ' +
    'interval2_start_second, interval2_rate_per_minute, interval2_increment_seconds … interval8_…; the sheet fields go in the query string.',
};

const EpochText = z.string().regex(/^[0-9]+$/).meta({ description: 'seconds since 1970 (FreeSWITCH writes them as text); "0" = never' });
const fsVariable = (description: string) => z.string().optional().meta({ description });

/** A FreeSWITCH mod_json_cdr body: only what rating reads; every other member is ignored. */
export const FreeswitchCdrDoc = z.looseObject({
  variables: z.looseObject({
    uuid: fsVariable('the call id (or callflow.caller_profile.uuid)'),
    accountcode: fsVariable("the customer's account number (or user_name: its SIP user)"),
    user_name: fsVariable("the customer's SIP user"),
    caller_id_number: fsVariable('the caller ID'),
    destination_number: fsVariable('the dialled number'),
    start_epoch: EpochText,
    answer_epoch: EpochText,
    end_epoch: EpochText,
    billsec: z.string().regex(/^[0-9]+$/).meta({ description: `billed seconds, 0 to ${MAX_BILLSEC_SECONDS}` }),
    hangup_cause: fsVariable('USER_BUSY, NO_ANSWER, … (an answered call is answered whatever the cause)'),
  }),
  callflow: z.unknown().optional(),
});
