// The rate sheet as one Decider (stream `ratesheet-{sheetId}`), for the service and the specs.
import type { Decider } from '@billing/decider';
import type { RateSheetCommand } from './rate-sheet.commands.js';
import { decideRateSheet } from './rate-sheet.decide.js';
import type { RateSheetEvent } from './rate-sheet.events.js';
import { evolveRateSheet, initialRateSheet, type RateSheetState } from './rate-sheet.state.js';

export const rateSheetDecider: Decider<RateSheetCommand, RateSheetEvent, RateSheetState> = {
  decide: decideRateSheet,
  evolve: evolveRateSheet,
  initialState: initialRateSheet,
};
