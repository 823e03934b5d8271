// Every domain event of the rating context: rate sheets and calls.
import type { CallEvent } from './call/call.events.js';
import type { RateSheetEvent } from './ratesheet/rate-sheet.events.js';

export type RatingEvent = RateSheetEvent | CallEvent;
