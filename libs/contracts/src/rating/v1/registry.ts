// The rating context's published events, version 1: envelope `type` → data schema. Topic:
// rating.events.v1, key = the aggregate's stream id (`call-{callId}`, `ratesheet-{sheetId}`).
import type { z } from 'zod';
import { topicFor } from '../../envelope.js';
import { CallRatedV1, CallReRatedV1 } from './call-rated.js';
import { CallUnansweredV1, CallUnratedV1 } from './call-unrated.js';
import { DerivedSheetCreatedV1, RateSheetVersionImportedV1 } from './rate-sheets.js';

export const RATING_EVENTS_TOPIC = topicFor('rating');
export const RATING_EVENTS_SCHEMA_VERSION = 1;

export const ratingEventsV1 = {
  'rating.CallRated': CallRatedV1,
  'rating.CallReRated': CallReRatedV1,
  'rating.CallUnrated': CallUnratedV1,
  'rating.CallUnanswered': CallUnansweredV1,
  'rating.RateSheetVersionImported': RateSheetVersionImportedV1,
  'rating.DerivedSheetCreated': DerivedSheetCreatedV1,
} as const;

export type RatingEventTypeV1 = keyof typeof ratingEventsV1;
export type RatingEventDataV1<T extends RatingEventTypeV1> = z.infer<(typeof ratingEventsV1)[T]>;
export type RatingIntegrationEventV1 = { [T in RatingEventTypeV1]: { type: T; data: RatingEventDataV1<T> } }[RatingEventTypeV1];

export function isRatingEventTypeV1(type: string): type is RatingEventTypeV1 {
  return Object.prototype.hasOwnProperty.call(ratingEventsV1, type);
}

/** Validates a consumed rating event's data; throws (ZodError, or Error for an unknown type). */
export function parseRatingEventV1(type: string, data: unknown): RatingIntegrationEventV1 {
  if (!isRatingEventTypeV1(type)) throw new Error(`not a rating v1 event type: "${type}"`);
  return { type, data: ratingEventsV1[type].parse(data) } as RatingIntegrationEventV1;
}
