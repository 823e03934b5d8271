// One owner's customer profiles (ITC's, or one agent's) have distinct names: the pickers list them by
// name. The names rule is @billing/contracts names.ts (docs/API.md §1, Names), shared with rating's
// sheets; the decider normalises a new name with it, the service checks it against the owner's others.
import { distinctNameKey, normaliseDistinctName, sameDistinctName } from '@billing/contracts';
import { rejections } from '../rejections.js';
import { MAX_NAME_CHARS } from '../shared/limits.js';

/** One of the owner's other (not archived) profiles. */
export interface ProfileNamed {
  readonly profileId: string;
  readonly name: string;
}

/** The name in its normal form, or 422 invalid_name (blank, too long, an invisible character). */
export function checkProfileName(name: string): string {
  const normalised = normaliseDistinctName(name);
  if (normalised === null || normalised.length === 0 || normalised.length > MAX_NAME_CHARS) throw rejections.invalidDistinctName();
  return normalised;
}

/** 409 name_taken, naming the owner's profile that already looks like `name`. */
export function checkProfileNameFree(name: string, others: readonly ProfileNamed[]): void {
  const taken = others.find((other) => sameDistinctName(other.name, name));
  if (taken !== undefined) throw rejections.profileNameTaken(taken);
}

/** Whether `next` names the profile anew (not the same name in another case or spacing). */
export function isProfileRename(current: string, next: string): boolean {
  return !sameDistinctName(current, next);
}

/** What a lock on one owner's name is keyed by: names that look alike share it. */
export const profileNameKey = distinctNameKey;
