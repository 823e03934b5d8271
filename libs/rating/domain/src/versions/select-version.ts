// A call is rated with the version in force at its start (docs/rating.md): the latest effectiveFrom ≤
// startedAt. Ties cannot come from the rate-sheet decider (it refuses a second version with the
// same effective time); for any list the later entry wins, as the later import would.
import { instantMs } from '../shared/instant.js';

export interface VersionRef {
  readonly versionId: string;
  /** ISO 8601 instant. */
  readonly effectiveFrom: string;
}

/** The version in force at `callStartedAt`, or null when the call started before the first one. */
export function selectVersion<V extends VersionRef>(versions: readonly V[], callStartedAt: string): V | null {
  const startMs = instantMs(callStartedAt);
  let chosen: V | null = null;
  let chosenMs = Number.NEGATIVE_INFINITY;
  for (const version of versions) {
    const fromMs = instantMs(version.effectiveFrom);
    if (fromMs <= startMs && fromMs >= chosenMs) {
      chosen = version;
      chosenMs = fromMs;
    }
  }
  return chosen;
}
