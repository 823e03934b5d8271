// Every bound of the rating domain in one place, so the docs, the importers and the rules cannot drift.
import { HUNDRED_PERCENT } from '@billing/money';

/** ids (sheet, version, call, customer, hold): the same bound as the other contexts. */
export const MAX_ID_CHARS = 128;
export const MAX_NAME_CHARS = 100;

/** A rate-row prefix: 1..16 digits (E.164 numbers have at most 15). */
export const MAX_PREFIX_DIGITS = 16;
/** A normalised destination number; generous for E.164 (15) plus trunk/tech prefixes. */
export const MAX_DESTINATION_DIGITS = 32;
/** Raw destination text before normalisation (spaces, dashes, parentheses…). */
export const MAX_DESTINATION_CHARS = 64;
export const MAX_DESTINATION_NAME_CHARS = 100;
export const MAX_CALLER_ID_CHARS = 128;

/** A row has 1..8 intervals: real decks use 1 or 2 ("first minute, then per second"). */
export const MAX_INTERVALS_PER_ROW = 8;
/** Interval starts, minimums and increments are seconds within one day / one hour. */
export const MAX_INTERVAL_START_SECONDS = 86_400;
export const MAX_MINIMUM_SECONDS = 3_600;
export const MAX_INCREMENT_SECONDS = 3_600;
/** 1 000 000 units per minute (or as a connect fee): far above any real tariff, far below overflow. */
export const MAX_RATE_MICROS = 1_000_000_000_000n;
/** A sheet is at most this many markups above its base: ITC's sheet for an agent, then the agent's own. */
export const MAX_MARKUP_STEPS = 2;
/** What the engine accepts: an imported rate with the largest markup (1000 %) applied at every step. */
export const MAX_DERIVED_RATE_MICROS = MAX_RATE_MICROS * 11n * 11n;

/**
 * An agent owns at most this many sheets it derived: each one is a full priced table in rating's
 * memory and cache (up to MAX_DECK_ROWS rows), and a few price levels are what a business needs.
 */
export const MAX_SHEETS_PER_AGENT = 50;

/** Decks are 50k–200k rows (docs/rating.md); the bound leaves headroom and caps memory. */
export const MAX_DECK_ROWS = 500_000;
/** A bad deck reports at most this many errors (the import is all-or-nothing anyway). */
export const MAX_DECK_ERRORS = 1_000;
/** A sheet may have this many versions (a daily import for 27 years). */
export const MAX_VERSIONS_PER_SHEET = 10_000;
/** Markup of a derived sheet: 0 % .. 1000 % in micro-percent. */
export const MAX_MARKUP_MICRO_PERCENT = 10n * HUNDRED_PERCENT;

/** A billable call lasts at most 7 days; anything longer is a broken CDR. */
export const MAX_BILLSEC_SECONDS = 604_800;
/** The switch-wide cap of an authorization (config `maxCallSeconds`, default 3 h) may not exceed this. */
export const MAX_CALL_SECONDS = 86_400;

/** One CSV record (a deck row or a Master.csv line) may not exceed this many characters. */
export const MAX_CSV_RECORD_CHARS = 16_384;
export const MAX_CSV_FIELDS = 64;

/** A native JSON batch (`{cdrs: [...]}`) carries at most this many CDRs. */
export const MAX_CDR_BATCH = 1_000;
/** billsec may exceed answer → end by this much (switches round to whole seconds differently). */
export const BILLSEC_TOLERANCE_SECONDS = 1;
/**
 * How far a CDR's times may be later than rating's clock: the switch's clock may run a little
 * ahead. A call that ends later than that has not happened yet — the CDR is refused (cdr_in_future).
 */
export const CDR_CLOCK_SKEW_SECONDS = 300;
