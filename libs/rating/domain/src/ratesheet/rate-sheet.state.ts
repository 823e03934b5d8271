// A rate sheet's state, folded from its events: small by design (version records, not rows).
import { invariant } from '@billing/decider';
import { instantMs } from '../shared/instant.js';
import type { SheetRounding } from '../sheet/rate-row.js';
import { selectVersion } from '../versions/select-version.js';
import type { RateSheetEvent } from './rate-sheet.events.js';

export interface VersionRecord {
  readonly versionId: string;
  readonly effectiveFrom: string;
  readonly rowCount: number;
  readonly contentHash: string;
  readonly rounding: SheetRounding;
  readonly importedAt: string;
}

export interface MarkupRecord {
  readonly markupMicroPercent: bigint;
  readonly effectiveFrom: string;
}

export type RateSheetState =
  | { readonly kind: 'none' }
  | { readonly kind: 'base'; readonly sheetId: string; readonly name: string; readonly rounding: SheetRounding; readonly versions: readonly VersionRecord[] }
  | {
      readonly kind: 'derived';
      readonly sheetId: string;
      readonly name: string;
      /** the sheet it derives from: a base sheet, or a sheet derived from one (docs/rating.md §4). */
      readonly baseSheetId: string;
      readonly markups: readonly MarkupRecord[];
      /** the agent that derived it; null = ITC. Absent in states stored before agents derived: see sheetOwner. */
      readonly ownerAgentId?: string | null;
    };

export function initialRateSheet(): RateSheetState {
  return { kind: 'none' };
}

export function evolveRateSheet(state: RateSheetState, event: RateSheetEvent): RateSheetState {
  switch (event.type) {
    case 'BaseSheetCreated':
      invariant(state.kind === 'none', `BaseSheetCreated on an existing sheet ${event.sheetId}`);
      return { kind: 'base', sheetId: event.sheetId, name: event.name, rounding: event.rounding, versions: [] };
    case 'RateSheetVersionImported': {
      invariant(state.kind === 'base', `version imported into ${state.kind} sheet ${event.sheetId}`);
      invariant(!state.versions.some((version) => version.versionId === event.versionId), `version ${event.versionId} imported twice`);
      const { versionId, effectiveFrom, rowCount, contentHash, rounding, occurredAt } = event;
      return { ...state, rounding, versions: [...state.versions, { versionId, effectiveFrom, rowCount, contentHash, rounding, importedAt: occurredAt }] };
    }
    case 'DerivedSheetCreated':
      invariant(state.kind === 'none', `DerivedSheetCreated on an existing sheet ${event.sheetId}`);
      return {
        kind: 'derived',
        sheetId: event.sheetId,
        name: event.name,
        baseSheetId: event.baseSheetId,
        markups: [{ markupMicroPercent: event.markupMicroPercent, effectiveFrom: event.occurredAt }],
        ownerAgentId: event.ownerAgentId ?? null,
      };
    case 'MarkupChanged':
      invariant(state.kind === 'derived', `markup changed on ${state.kind} sheet ${event.sheetId}`);
      invariant(event.previousMarkupMicroPercent === currentMarkup(state), `markup change from ${event.previousMarkupMicroPercent}, current is ${currentMarkup(state)}`);
      return { ...state, markups: [...state.markups, { markupMicroPercent: event.markupMicroPercent, effectiveFrom: event.effectiveFrom }] };
  }
}

/** The agent that owns a sheet; null = ITC (every base sheet, and the sheets ITC derived). */
export function sheetOwner(state: RateSheetState): string | null {
  return state.kind === 'derived' ? (state.ownerAgentId ?? null) : null;
}

export function currentMarkup(state: Extract<RateSheetState, { kind: 'derived' }>): bigint {
  const last = state.markups[state.markups.length - 1];
  invariant(last !== undefined, 'a derived sheet has a markup');
  return last.markupMicroPercent;
}

/**
 * The markup in force for a call starting at `callStartedAt`: the latest change at or before it;
 * a call that started before the sheet existed (a late CDR) uses the first markup.
 */
export function markupInForce(state: Extract<RateSheetState, { kind: 'derived' }>, callStartedAt: string): bigint {
  const startMs = instantMs(callStartedAt);
  let markup = state.markups[0]?.markupMicroPercent;
  invariant(markup !== undefined, 'a derived sheet has a markup');
  for (const record of state.markups) if (instantMs(record.effectiveFrom) <= startMs) markup = record.markupMicroPercent;
  return markup;
}

/** The base version in force at a call's start (null: the call started before the first version). */
export function versionInForce(state: Extract<RateSheetState, { kind: 'base' }>, callStartedAt: string): VersionRecord | null {
  return selectVersion(state.versions, callStartedAt);
}
