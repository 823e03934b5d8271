export { CallRatedV1, CallReRatedV1 } from './call-rated.js';
export { CallUnansweredV1, CallUnratedV1 } from './call-unrated.js';
export { DerivedSheetCreatedV1, RateSheetVersionImportedV1 } from './rate-sheets.js';
export { RATE_SHEETS_API_PATH, RateSheetExistsResponseV1, type RateSheetInfoV1 } from './sheets-api.js';
export {
  isRatingEventTypeV1,
  parseRatingEventV1,
  RATING_EVENTS_SCHEMA_VERSION,
  RATING_EVENTS_TOPIC,
  ratingEventsV1,
  type RatingEventDataV1,
  type RatingEventTypeV1,
  type RatingIntegrationEventV1,
} from './registry.js';
