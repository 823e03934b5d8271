// The sheet pages' URL search params (plain functions: part of the first load).
import { text } from '../customers/search.js';

export interface SheetImportSearch {
  /** import a new version of this base sheet (absent: a new sheet). */
  sheetId?: string;
}

export interface SheetSearch {
  /** the version whose rows are shown (absent: the one in force now). */
  version?: string;
}

export function validateSheetImportSearch(search: Record<string, unknown>): SheetImportSearch {
  const sheetId = text(search['sheetId'], 128);
  return sheetId === undefined ? {} : { sheetId };
}

export function validateSheetSearch(search: Record<string, unknown>): SheetSearch {
  const version = text(search['version'], 128);
  return version === undefined ? {} : { version };
}
