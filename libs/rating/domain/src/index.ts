// @billing/rating-domain — the pure rating domain: engine, rate sheets, CDR parsing, deciders,
// report math and integration mapping. See README.md beside this folder and docs/rating.md.

// limits, ids, shared types
export * from './shared/limits.js';
export { callStreamId, isValidId, rateSheetStreamId } from './shared/ids.js';
export { canonicalInstant, isIsoInstant } from './shared/instant.js';
export type { Audit, CommandMeta } from './shared/command-meta.js';
export type { FieldError, Parsed } from './shared/field-error.js';
export { rejections } from './shared/rejections.js';

// PBX features ITC assigned (what an authorization enforces)
export {
  DEFAULT_CALL_FEATURES,
  FEATURE_REFUSAL_REASONS,
  featureRefusal,
  featuresAt,
  isInternational,
  isPremium,
  missingFeatureOf,
  type CallFeatures,
  type FeatureRefusalReason,
  type MissingFeature,
} from './features/call-features.js';

// numbers
export { normaliseDestination, type NormalisedDestination } from './numbers/normalise-destination.js';

// rate rows, decks (CSV and JSON), streaming CSV
export { assertRateRow, DEFAULT_ROUNDING, isPrefix, type RateInterval, type RateRow, type SheetRounding } from './sheet/rate-row.js';
export { validateRateRow, type IntervalField, type RawInterval, type RawRateRow, type RowFieldNames } from './sheet/validate-rate-row.js';
export { readRounding } from './sheet/rounding.js';
export { intervalColumn, parseDeckHeader, parseDeckRecord, type DeckColumns, type DeckRowResult } from './sheet/deck-csv.js';
export { parseJsonRateRow, parseJsonSheetHeader, type SheetHeader } from './sheet/deck-json.js';
export { DeckCheck, type DeckError, type DeckVerdict } from './sheet/deck-check.js';
export { canonicalRoundingLine, canonicalRowLine } from './sheet/canonical-row.js';
export { CsvEncodingError, CsvRecordReader, type CsvReaderOptions, type CsvRecord } from './csv/csv-record-reader.js';

// engine, authorization, derived rows
export { billedSecondsByInterval, rateCall, type CallCost } from './engine/rate-call.js';
export { costForDuration, maxDurationForAmount } from './engine/authorize.js';
export { deriveRow } from './engine/derive-row.js';

// lookup and versions
export { PrefixTrie } from './lookup/prefix-trie.js';
export { buildRateTable, deriveRateTable, findRate, type RateTable } from './lookup/rate-table.js';
export { selectVersion, type VersionRef } from './versions/select-version.js';

// rate-sheet decider (stream ratesheet-{sheetId})
export type * from './ratesheet/rate-sheet.commands.js';
export type * from './ratesheet/rate-sheet.events.js';
export { RATE_SHEET_EVENT_TYPES } from './ratesheet/rate-sheet.events.js';
export { currentMarkup, evolveRateSheet, initialRateSheet, markupInForce, sheetOwner, versionInForce, type MarkupRecord, type RateSheetState, type VersionRecord } from './ratesheet/rate-sheet.state.js';
export { decideRateSheet } from './ratesheet/rate-sheet.decide.js';
export { checkSheetName, checkSheetNameFree, type SheetNamed } from './ratesheet/sheet-name.js';
export { rateSheetDecider } from './ratesheet/rate-sheet.decider.js';

// CDRs
export { CALL_DISPOSITIONS, cdrFingerprint, type CallDisposition, type CanonicalCdr } from './cdr/canonical-cdr.js';
export { nativeCdrItems, parseNativeCdr } from './cdr/native-cdr.js';
export { parseFreeswitchCdr } from './cdr/freeswitch-cdr.js';
export { ASTERISK_COLUMNS, parseAsteriskCsvRecord, type AsteriskCsvOptions } from './cdr/asterisk-cdr.js';

// call decider (stream call-{callId})
export { callOwner, type OwnerNames, type OwnerRefusal } from './call/call-owner.js';
export { isSourceIp, resolveSourceAddress, type SourceAddressMatch, type SourceAddressRefusal, type TrunkEntry } from './call/source-address.js';
export { resolvePricing, UNRATED_REASONS, type AgentPrice, type CallPricing, type PricingCustomer, type PricingTariff, type UnratedReason } from './call/call-pricing.js';
export type * from './call/call.commands.js';
export type * from './call/call.events.js';
export { CALL_EVENT_TYPES } from './call/call.events.js';
export { evolveCall, initialCall, isRetryOf, type CallAuthorization, type CallOutcome, type CallState } from './call/call.state.js';
export { decideCall } from './call/call.decide.js';
export { callDecider } from './call/call.decider.js';

// reports and integration events
export {
  acdMillis,
  acdSeconds,
  addCall,
  asr,
  asrMicroPercent,
  billedMinutes,
  DestinationTotals,
  MAX_TOP_DESTINATIONS,
  NO_TRAFFIC,
  talkMinutes,
  topDestinations,
  totalsOf,
  type CallFact,
  type DestinationTraffic,
  type TrafficTotals,
} from './reports/traffic.js';
export type { RatingEvent } from './events.js';
export { toIntegrationEvent, type RatingIntegrationShape } from './integration/to-integration.js';
