// The FollowMe editor's rules, framework-free: the same limits accounts enforces (≤ 5 distinct
// international numbers, 5–120 ring seconds, at least one to be enabled), checked before saving so
// the person sees each problem next to its row; the API's answer stays the final word.

export const MAX_TARGETS = 5;
export const MIN_RING_SECONDS = 5;
export const MAX_RING_SECONDS = 120;
export const DEFAULT_RING_SECONDS = 20;

export interface FollowMeRow {
  /** a stable id for React and drag-and-drop (not sent). */
  key: string;
  /** as typed: "+44 20 7946 0958", "0044…". */
  destination: string;
  /** as typed: whole seconds. */
  ringSeconds: string;
}

export interface FollowMeTarget {
  destination: string;
  ringSeconds: number;
}

export type RowError = 'destinationRequired' | 'destinationInvalid' | 'destinationDuplicate' | 'ringSeconds';
export type FormError = 'empty' | 'tooMany';

export interface FollowMeCheck {
  /** per row key: what is wrong with its number and its ring time. */
  rows: Record<string, { destination?: RowError; ringSeconds?: RowError }>;
  form: FormError | null;
  /** the body's targets when everything is right, else null. */
  targets: FollowMeTarget[] | null;
}

const E164 = /^\+[1-9]\d{7,14}$/;

/** "+44 20 7946 0958", "0044-20-7946-0958" → "+442079460958"; null when not an international number. */
export function normaliseNumber(text: string): string | null {
  const compact = text.replace(/[\s().-]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return E164.test(international) ? international : null;
}

/** The rows with the one at `from` moved to `to` (both clamped; the same array when nothing moves). */
export function moveRow<T>(rows: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(rows.length - 1, to));
  if (from < 0 || from >= rows.length || from === target) return [...rows];
  const next = [...rows];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

export function rowsFromTargets(targets: readonly FollowMeTarget[], newKey: () => string): FollowMeRow[] {
  return targets.map((target) => ({ key: newKey(), destination: target.destination, ringSeconds: String(target.ringSeconds) }));
}

export function checkFollowMe(enabled: boolean, rows: readonly FollowMeRow[]): FollowMeCheck {
  const check: FollowMeCheck = { rows: {}, form: null, targets: null };
  const seen = new Set<string>();
  const targets: FollowMeTarget[] = [];
  for (const row of rows) {
    const errors: { destination?: RowError; ringSeconds?: RowError } = {};
    const number = normaliseNumber(row.destination);
    if (row.destination.trim() === '') errors.destination = 'destinationRequired';
    else if (number === null) errors.destination = 'destinationInvalid';
    else if (seen.has(number)) errors.destination = 'destinationDuplicate';
    if (number !== null) seen.add(number);
    const seconds = /^\d{1,3}$/.test(row.ringSeconds.trim()) ? Number.parseInt(row.ringSeconds, 10) : Number.NaN;
    if (!(seconds >= MIN_RING_SECONDS && seconds <= MAX_RING_SECONDS)) errors.ringSeconds = 'ringSeconds';
    if (errors.destination !== undefined || errors.ringSeconds !== undefined) check.rows[row.key] = errors;
    else targets.push({ destination: number!, ringSeconds: seconds });
  }
  if (rows.length > MAX_TARGETS) check.form = 'tooMany';
  else if (enabled && rows.length === 0) check.form = 'empty';
  if (check.form === null && Object.keys(check.rows).length === 0) check.targets = targets;
  return check;
}

/**
 * The row an API problem is about: a validation pointer (`/targets/2/destination`) or the domain's
 * detail ("FollowMe targets[2]: …"); null when it names no row.
 */
export function problemRowIndex(problem: { detail?: string; errors?: ReadonlyArray<{ path?: string }> } | null): number | null {
  if (problem === null) return null;
  for (const error of problem.errors ?? []) {
    const match = /^\/targets\/(\d+)(?:\/|$)/.exec(error.path ?? '');
    if (match !== null) return Number.parseInt(match[1]!, 10);
  }
  const detail = /targets\[(\d+)\]/.exec(problem.detail ?? '');
  return detail === null ? null : Number.parseInt(detail[1]!, 10);
}
