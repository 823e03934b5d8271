// A sheet's lineage: the base sheet whose versions and rows it prices with, and the derived sheets
// between (ITC's sheet for an agent, then the agent's own), whose markups apply in that order.
import { MAX_MARKUP_STEPS, markupInForce, type RateSheetState } from '@billing/rating-domain';

type BaseState = Extract<RateSheetState, { kind: 'base' }>;
type DerivedState = Extract<RateSheetState, { kind: 'derived' }>;

export interface Lineage {
  /** null: the sheet, or a sheet it derives from, does not exist. */
  readonly base: BaseState | null;
  /** the derived sheets from the base down to the sheet itself (empty for a base sheet). */
  readonly steps: readonly DerivedState[];
}

/** Follows `baseSheetId` up to the base; a chain longer than the domain allows is treated as broken. */
export async function lineageOf(state: RateSheetState, load: (sheetId: string) => Promise<RateSheetState>): Promise<Lineage> {
  const steps: DerivedState[] = [];
  let current = state;
  while (current.kind === 'derived') {
    if (steps.length === MAX_MARKUP_STEPS) return { base: null, steps };
    steps.unshift(current);
    current = await load(current.baseSheetId);
  }
  return { base: current.kind === 'base' ? current : null, steps };
}

/** The markups in force for a call starting at `at`, from the base down. */
export function markupsAt(lineage: Lineage, at: string): bigint[] {
  return lineage.steps.map((step) => markupInForce(step, at));
}

/** How many markups a sheet is above its base (0 for a base sheet). */
export function markupSteps(lineage: Lineage): number {
  return lineage.steps.length;
}
