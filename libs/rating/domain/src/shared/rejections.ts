// Every way the rating deciders say no, with a stable code and HTTP status (422 = the input breaks
// a rule, 409 = the current state forbids it, 404 = no such sheet or call, 403 = not the caller's to do). Specs assert the exact
// message and code; the gateway maps them to problem+json.
import { RejectedCommand } from '@billing/decider';
import { CDR_CLOCK_SKEW_SECONDS, MAX_DECK_ROWS, MAX_ID_CHARS, MAX_MARKUP_STEPS, MAX_NAME_CHARS, MAX_SHEETS_PER_AGENT, MAX_VERSIONS_PER_SHEET } from './limits.js';

const invalid = (message: string, code: string) => new RejectedCommand(message, code, 422);
const conflict = (message: string, code: string) => new RejectedCommand(message, code, 409);
const notFound = (message: string, code: string) => new RejectedCommand(message, code, 404);
const forbidden = (message: string, code: string) => new RejectedCommand(message, code, 403);

export const rejections = {
  // input
  invalidId: (field: string) => invalid(`${field} must be 1 to ${MAX_ID_CHARS} characters without surrounding spaces`, 'invalid_id'),
  invalidName: () => invalid(`name must be 1 to ${MAX_NAME_CHARS} characters without invisible (control or format) characters`, 'invalid_name'),
  invalidRounding: () => invalid('rounding must have 0 to 6 decimals and mode up, half-up or down', 'invalid_rounding'),
  invalidEffectiveFrom: () => invalid('effectiveFrom must be an ISO 8601 instant with an offset', 'invalid_effective_from'),
  invalidRowCount: () => invalid(`a version has 1 to ${MAX_DECK_ROWS} rows`, 'invalid_row_count'),
  invalidContentHash: () => invalid('contentHash must be a SHA-256 as 64 lowercase hex digits', 'invalid_content_hash'),
  invalidMarkup: () => invalid('markup must be between 0 and 1000 percent', 'invalid_markup'),
  invalidGrant: () => invalid('a granted amount must not be negative, a maximum duration must be 0 to 86400 seconds', 'invalid_authorization'),

  // rate sheets
  sheetExists: () => conflict('a rate sheet with this id already exists', 'sheet_exists'),
  sheetNotFound: () => notFound('rate sheet not found', 'sheet_not_found'),
  notABaseSheet: () => invalid('versions are imported into base sheets only: a derived sheet follows its base', 'not_a_base_sheet'),
  notADerivedSheet: () => invalid('only a derived sheet has a markup', 'not_a_derived_sheet'),
  baseNotFound: () => notFound('base rate sheet not found', 'base_not_found'),
  baseIsDerived: () => invalid(`a derived sheet derives from a base sheet or from a sheet derived from one: at most ${MAX_MARKUP_STEPS} markups deep`, 'base_is_derived'),
  notAssignedSheet: () => forbidden('an agent derives sheets only from the rate sheet ITC assigned to it', 'not_assigned_sheet'),
  notSheetOwner: () => forbidden('an agent changes only the sheets it derived', 'not_sheet_owner'),
  versionIdReused: () => conflict('version id already used for another import', 'id_reused'),
  effectiveFromTaken: () => conflict('another version is already effective from this time', 'effective_from_taken'),
  nameTaken: (taken: { sheetId: string; name: string }, owner: 'ITC' | 'the agent') =>
    conflict(`${owner} has a rate sheet named "${taken.name}" already (sheet ${taken.sheetId}): choose another name`, 'name_taken'),
  tooManySheets: () => conflict(`an agent may own at most ${MAX_SHEETS_PER_AGENT} derived sheets: re-price one (PATCH) instead`, 'too_many_sheets'),
  tooManyVersions: () => conflict(`a sheet may have at most ${MAX_VERSIONS_PER_SHEET} versions`, 'too_many_versions'),

  // calls
  callAlreadyAuthorized: () => conflict('call already authorized with other terms', 'call_already_authorized'),
  callAlreadyEnded: () => conflict('call already has its CDR', 'call_already_ended'),
  cdrInFuture: (endedAt: string, now: string) =>
    invalid(`the call ends at ${endedAt}, later than now (${now}) plus the ${CDR_CLOCK_SKEW_SECONDS} s a switch's clock may be ahead: a CDR records a call that happened`, 'cdr_in_future'),
  cdrConflict: () => conflict('a different CDR was already recorded for this call', 'cdr_conflict'),
  callIdMismatch: () => invalid('the CDR belongs to another call', 'invalid_id'),
  noCdr: () => notFound('no CDR recorded for this call', 'call_not_found'),
  callAlreadyRated: () => conflict('call already rated: a rated call is final', 'call_already_rated'),
  callUnanswered: () => conflict('an unanswered call has nothing to rate', 'call_unanswered'),
} as const;
