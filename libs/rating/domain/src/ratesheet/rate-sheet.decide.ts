// Rate-sheet decisions. Repeating a command that already took effect decides nothing (the service
// retries safely); the same id with other details is a conflict.
import { auditOf } from '../shared/command-meta.js';
import { checkId, checkInstant, checkMarkup, checkRounding } from '../shared/checks.js';
import { instantMs } from '../shared/instant.js';
import { MAX_DECK_ROWS, MAX_MARKUP_STEPS, MAX_SHEETS_PER_AGENT, MAX_VERSIONS_PER_SHEET } from '../shared/limits.js';
import { rejections } from '../shared/rejections.js';
import type { ChangeMarkup, CreateBaseSheet, CreateDerivedSheet, ImportVersion, RateSheetCommand } from './rate-sheet.commands.js';
import type { RateSheetEvent } from './rate-sheet.events.js';
import { currentMarkup, sheetOwner, type RateSheetState } from './rate-sheet.state.js';
import { checkSheetName, checkSheetNameFree } from './sheet-name.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function decideRateSheet(command: RateSheetCommand, state: RateSheetState): RateSheetEvent[] {
  switch (command.type) {
    case 'CreateBaseSheet':
      return createBase(command, state);
    case 'ImportVersion':
      return importVersion(command, state);
    case 'CreateDerivedSheet':
      return createDerived(command, state);
    case 'ChangeMarkup':
      return changeMarkup(command, state);
  }
}

function createBase(command: CreateBaseSheet, state: RateSheetState): RateSheetEvent[] {
  const sheetId = checkId(command.sheetId, 'sheetId');
  const name = checkSheetName(command.name);
  const rounding = checkRounding(command.rounding);
  if (state.kind !== 'none') {
    // a retried create (even after imports changed the rounding) is the same sheet
    if (state.kind === 'base' && state.name === name) return [];
    throw rejections.sheetExists();
  }
  checkSheetNameFree(name, command.namesTaken, null);
  return [{ type: 'BaseSheetCreated', sheetId, name, rounding, ...auditOf(command.meta) }];
}

function importVersion(command: ImportVersion, state: RateSheetState): RateSheetEvent[] {
  checkId(command.sheetId, 'sheetId');
  const versionId = checkId(command.versionId, 'versionId');
  const effectiveFrom = checkInstant(command.effectiveFrom);
  if (!Number.isSafeInteger(command.rowCount) || command.rowCount < 1 || command.rowCount > MAX_DECK_ROWS) throw rejections.invalidRowCount();
  if (!SHA256_HEX.test(command.contentHash)) throw rejections.invalidContentHash();
  if (state.kind === 'none') throw rejections.sheetNotFound();
  if (state.kind === 'derived') throw rejections.notABaseSheet();
  const rounding = command.rounding === null ? state.rounding : checkRounding(command.rounding);
  const existing = state.versions.find((version) => version.versionId === versionId);
  if (existing !== undefined) {
    const same =
      instantMs(existing.effectiveFrom) === instantMs(effectiveFrom) &&
      existing.rowCount === command.rowCount &&
      existing.contentHash === command.contentHash &&
      sameRounding(existing.rounding, rounding);
    if (same) return [];
    throw rejections.versionIdReused();
  }
  // Two versions from the same instant would make "the version in force" depend on import order.
  if (state.versions.some((version) => instantMs(version.effectiveFrom) === instantMs(effectiveFrom))) throw rejections.effectiveFromTaken();
  if (state.versions.length >= MAX_VERSIONS_PER_SHEET) throw rejections.tooManyVersions();
  return [
    { type: 'RateSheetVersionImported', sheetId: state.sheetId, versionId, effectiveFrom, rowCount: command.rowCount, contentHash: command.contentHash, rounding, ...auditOf(command.meta) },
  ];
}

function createDerived(command: CreateDerivedSheet, state: RateSheetState): RateSheetEvent[] {
  const sheetId = checkId(command.sheetId, 'sheetId');
  const name = checkSheetName(command.name);
  const markupMicroPercent = checkMarkup(command.markupMicroPercent);
  if (command.base === null) throw rejections.baseNotFound();
  const baseSheetId = checkId(command.base.sheetId, 'baseSheetId');
  const ownerAgentId = command.owner?.agentId ?? null;
  // an agent sells at or above what ITC charges it: it derives from its assigned sheet only
  if (command.owner !== null && command.owner.assignedSheetId !== baseSheetId) throw rejections.notAssignedSheet();
  if (state.kind !== 'none') {
    const same =
      state.kind === 'derived' && state.name === name && state.baseSheetId === baseSheetId && state.markups[0]?.markupMicroPercent === markupMicroPercent && sheetOwner(state) === ownerAgentId;
    if (same) return [];
    throw rejections.sheetExists();
  }
  if (command.base.markupSteps + 1 > MAX_MARKUP_STEPS) throw rejections.baseIsDerived();
  if (command.owner !== null && command.owner.sheetsOwned >= MAX_SHEETS_PER_AGENT) throw rejections.tooManySheets();
  checkSheetNameFree(name, command.namesTaken, ownerAgentId);
  return [{ type: 'DerivedSheetCreated', sheetId, name, baseSheetId, markupMicroPercent, ownerAgentId, ...auditOf(command.meta) }];
}

function changeMarkup(command: ChangeMarkup, state: RateSheetState): RateSheetEvent[] {
  checkId(command.sheetId, 'sheetId');
  const markupMicroPercent = checkMarkup(command.markupMicroPercent);
  if (state.kind === 'none') throw rejections.sheetNotFound();
  if (state.kind === 'base') throw rejections.notADerivedSheet();
  if (command.byAgentId !== null && sheetOwner(state) !== command.byAgentId) throw rejections.notSheetOwner();
  const previousMarkupMicroPercent = currentMarkup(state);
  if (previousMarkupMicroPercent === markupMicroPercent) return [];
  const audit = auditOf(command.meta);
  return [{ type: 'MarkupChanged', sheetId: state.sheetId, previousMarkupMicroPercent, markupMicroPercent, effectiveFrom: audit.occurredAt, ...audit }];
}

function sameRounding(a: { decimals: number; mode: string }, b: { decimals: number; mode: string }): boolean {
  return a.decimals === b.decimals && a.mode === b.mode;
}
