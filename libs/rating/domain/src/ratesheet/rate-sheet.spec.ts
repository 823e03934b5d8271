import { spec } from '@billing/decider/testing';
import { MAX_SHEETS_PER_AGENT } from '../shared/limits.js';
import type { SheetRounding } from '../sheet/rate-row.js';
import type { RateSheetCommand } from './rate-sheet.commands.js';
import { rateSheetDecider } from './rate-sheet.decider.js';
import type { RateSheetEvent } from './rate-sheet.events.js';
import { evolveRateSheet, initialRateSheet, markupInForce, sheetOwner, versionInForce, type RateSheetState } from './rate-sheet.state.js';

const sheets = spec(rateSheetDecider);
const NOW = '2025-03-01T10:00:00.000Z';
const meta = { actor: 'admin:itc', now: NOW };
const audit = { actor: 'admin:itc', occurredAt: NOW };
const HASH = 'a'.repeat(64);
const UP4: SheetRounding = { decimals: 4, mode: 'up' };

const NAME_RULE = 'name must be 1 to 100 characters without invisible (control or format) characters';
const named = (sheetId: string, name = sheetId) => ({ sheetId, name });
const createBase: RateSheetCommand = { type: 'CreateBaseSheet', sheetId: 'itc', name: 'ITC base', rounding: UP4, namesTaken: [], meta };
const baseCreated: RateSheetEvent = { type: 'BaseSheetCreated', sheetId: 'itc', name: 'ITC base', rounding: UP4, ...audit };
const importV = (versionId: string, effectiveFrom: string, extra: Partial<Extract<RateSheetCommand, { type: 'ImportVersion' }>> = {}): RateSheetCommand => ({
  type: 'ImportVersion',
  sheetId: 'itc',
  versionId,
  effectiveFrom,
  rowCount: 200_000,
  contentHash: HASH,
  rounding: null,
  meta,
  ...extra,
});
const imported = (versionId: string, effectiveFrom: string, rounding: SheetRounding = UP4): RateSheetEvent => ({
  type: 'RateSheetVersionImported',
  sheetId: 'itc',
  versionId,
  effectiveFrom,
  rowCount: 200_000,
  contentHash: HASH,
  rounding,
  ...audit,
});
const deriveCommand = (extra: Partial<Extract<RateSheetCommand, { type: 'CreateDerivedSheet' }>> = {}): RateSheetCommand => ({
  type: 'CreateDerivedSheet',
  sheetId: 'agent-a-sheet',
  name: 'Agent A +12.5 %',
  base: { sheetId: 'itc', kind: 'base', markupSteps: 0 },
  markupMicroPercent: 12_500_000n,
  owner: null,
  namesTaken: [],
  meta,
  ...extra,
});
const derived: RateSheetEvent = { type: 'DerivedSheetCreated', sheetId: 'agent-a-sheet', name: 'Agent A +12.5 %', baseSheetId: 'itc', markupMicroPercent: 12_500_000n, ownerAgentId: null, ...audit };
// agent A was assigned 'agent-a-sheet' by ITC and derives its own "+5 %" from it
const agentA = { agentId: 'agent-a', assignedSheetId: 'agent-a-sheet', sheetsOwned: 0 };
const agentDerive = (extra: Partial<Extract<RateSheetCommand, { type: 'CreateDerivedSheet' }>> = {}): RateSheetCommand =>
  deriveCommand({ sheetId: 'a-plus-5', name: 'A +5 %', base: { sheetId: 'agent-a-sheet', kind: 'derived', markupSteps: 1 }, markupMicroPercent: 5_000_000n, owner: agentA, ...extra });
const agentDerived: RateSheetEvent = { type: 'DerivedSheetCreated', sheetId: 'a-plus-5', name: 'A +5 %', baseSheetId: 'agent-a-sheet', markupMicroPercent: 5_000_000n, ownerAgentId: 'agent-a', ...audit };

describe('base rate sheets', () => {
  it('are created with a name and a rounding', () => {
    sheets.given([]).when(createBase).then([baseCreated]);
  });

  it('creating the same sheet again changes nothing; another sheet under its id is refused', () => {
    sheets.given([baseCreated, imported('v1', '2025-03-01T00:00:00Z')]).when(createBase).thenNothing();
    sheets.given([baseCreated]).when({ ...createBase, name: 'Other' }).thenRejects('a rate sheet with this id already exists', 'sheet_exists');
    sheets.given([derived]).when({ ...createBase, sheetId: 'agent-a-sheet' }).thenRejects('a rate sheet with this id already exists', 'sheet_exists');
  });

  it("refuse a name ITC's other sheets have (trimmed, any case), naming that sheet; a retry of the same sheet is still nothing new", () => {
    sheets.given([]).when({ ...createBase, namesTaken: [named('other'), named('itc-2', ' itc BASE ')] }).thenRejects('ITC has a rate sheet named " itc BASE " already (sheet itc-2): choose another name', 'name_taken');
    sheets.given([]).when({ ...createBase, namesTaken: [named('itc-2', 'ITC base 2')] }).then([baseCreated]);
    sheets.given([baseCreated]).when({ ...createBase, namesTaken: [named('itc-2', 'ITC base')] }).thenNothing();
  });

  it('a name that only looks like a taken one (a no-break space, more spaces, decomposed accents) is taken', () => {
    for (const lookalike of ['ITC\u00a0base', 'ITC  base', ' ITC base ', 'itc\u2003BASE']) {
      sheets.given([]).when({ ...createBase, name: lookalike, namesTaken: [named('itc-2', 'ITC base')] }).thenRejects('ITC has a rate sheet named "ITC base" already (sheet itc-2): choose another name', 'name_taken');
    }
    sheets.given([]).when({ ...createBase, name: 'Cafe\u0301', namesTaken: [named('cafe', 'CAF\u00c9')] }).thenRejects('ITC has a rate sheet named "CAF\u00c9" already (sheet cafe): choose another name', 'name_taken');
  });

  it('stores the name in its normal form: trimmed, NFC, each run of whitespace one space', () => {
    sheets.given([]).when({ ...createBase, name: '  ITC\u00a0\t base ' }).then([baseCreated]);
    sheets.given([]).when({ ...createBase, name: 'Cafe\u0301' }).then([{ ...baseCreated, name: 'Caf\u00e9' }]);
  });

  it.each([
    ['an empty name', { name: '' }, NAME_RULE, 'invalid_name'],
    ['a blank name', { name: ' \u00a0 ' }, NAME_RULE, 'invalid_name'],
    ['a name of 101 characters', { name: 'x'.repeat(101) }, NAME_RULE, 'invalid_name'],
    ['a zero-width space', { name: 'ITC\u200bbase' }, NAME_RULE, 'invalid_name'],
    ['a byte-order mark', { name: '\ufeffITC base' }, NAME_RULE, 'invalid_name'],
    ['a bidi override', { name: 'ITC \u202ebase' }, NAME_RULE, 'invalid_name'],
    ['a bad id', { sheetId: ' itc' }, 'sheetId must be 1 to 128 characters without surrounding spaces', 'invalid_id'],
    ['7 decimals', { rounding: { decimals: 7, mode: 'up' as const } }, 'rounding must have 0 to 6 decimals and mode up, half-up or down', 'invalid_rounding'],
  ])('refuses %s', (_what, change, message, code) => {
    sheets.given([]).when({ ...createBase, ...change } as RateSheetCommand).thenRejects(message, code);
  });
});

describe('importing versions', () => {
  it('records the version (not its rows) with the sheet rounding', () => {
    sheets.given([baseCreated]).when(importV('v1', '2025-03-01T00:00:00Z')).then([imported('v1', '2025-03-01T00:00:00Z')]);
  });

  it('a version may state its own rounding, which becomes the sheet default', () => {
    const halfUp2 = { decimals: 2, mode: 'half-up' } as const;
    sheets.given([baseCreated]).when(importV('v1', '2025-03-01T00:00:00Z', { rounding: halfUp2 })).then([imported('v1', '2025-03-01T00:00:00Z', halfUp2)]);
    sheets.given([baseCreated, imported('v1', '2025-03-01T00:00:00Z', halfUp2)]).when(importV('v2', '2025-04-01T00:00:00Z')).then([imported('v2', '2025-04-01T00:00:00Z', halfUp2)]);
  });

  it('the same import again changes nothing; the same version id with other content is refused', () => {
    const given = [baseCreated, imported('v1', '2025-03-01T00:00:00Z')];
    sheets.given(given).when(importV('v1', '2025-03-01T00:00:00.000Z')).thenNothing();
    sheets.given(given).when(importV('v1', '2025-03-01T00:00:00Z', { contentHash: 'b'.repeat(64) })).thenRejects('version id already used for another import', 'id_reused');
  });

  it('two versions may not take effect at the same instant', () => {
    sheets.given([baseCreated, imported('v1', '2025-03-01T00:00:00Z')]).when(importV('v2', '2025-03-01T01:00:00+01:00')).thenRejects('another version is already effective from this time', 'effective_from_taken');
  });

  it.each([
    ['no such sheet', [], importV('v1', NOW), 'rate sheet not found', 'sheet_not_found'],
    ['a derived sheet', [derived], { ...importV('v1', NOW), sheetId: 'agent-a-sheet' }, 'versions are imported into base sheets only: a derived sheet follows its base', 'not_a_base_sheet'],
    ['no rows', [baseCreated], importV('v1', NOW, { rowCount: 0 }), 'a version has 1 to 500000 rows', 'invalid_row_count'],
    ['a malformed hash', [baseCreated], importV('v1', NOW, { contentHash: 'ABC' }), 'contentHash must be a SHA-256 as 64 lowercase hex digits', 'invalid_content_hash'],
    ['a malformed time', [baseCreated], importV('v1', 'next monday'), 'effectiveFrom must be an ISO 8601 instant with an offset', 'invalid_effective_from'],
  ])('refuses %s', (_what, given, command, message, code) => {
    sheets.given(given as RateSheetEvent[]).when(command).thenRejects(message, code);
  });
});

describe('derived sheets', () => {
  it('reference a base sheet and a markup', () => {
    sheets.given([]).when(deriveCommand()).then([derived]);
  });

  it("by ITC: a name ITC's other sheets have (trimmed, any case) is refused", () => {
    sheets.given([]).when(deriveCommand({ namesTaken: [named('a', 'agent a +12.5 %')] })).thenRejects('ITC has a rate sheet named "agent a +12.5 %" already (sheet a): choose another name', 'name_taken');
    sheets.given([]).when(deriveCommand({ name: 'Agent\u00a0A  +12.5\u202f%', namesTaken: [named('a', 'agent a +12.5 %')] })).thenRejects(
      'ITC has a rate sheet named "agent a +12.5 %" already (sheet a): choose another name',
      'name_taken',
    );
    sheets.given([]).when(deriveCommand({ namesTaken: [named('b', 'Agent B')] })).then([derived]);
  });

  it('creating it again changes nothing', () => {
    sheets.given([derived]).when(deriveCommand()).thenNothing();
    sheets.given([derived]).when(deriveCommand({ markupMicroPercent: 1n })).thenRejects('a rate sheet with this id already exists', 'sheet_exists');
  });

  it.each([
    ['a missing base', deriveCommand({ base: null }), 'base rate sheet not found', 'base_not_found'],
    ['a base two markups deep', deriveCommand({ base: { sheetId: 'other', kind: 'derived', markupSteps: 2 } }), 'a derived sheet derives from a base sheet or from a sheet derived from one: at most 2 markups deep', 'base_is_derived'],
    ['a negative markup', deriveCommand({ markupMicroPercent: -1n }), 'markup must be between 0 and 1000 percent', 'invalid_markup'],
    ['a markup above 1000 %', deriveCommand({ markupMicroPercent: 1_000_000_001n }), 'markup must be between 0 and 1000 percent', 'invalid_markup'],
  ])('refuses %s', (_what, command, message, code) => {
    sheets.given([]).when(command).thenRejects(message, code);
  });

  it('change their markup from now on; the same markup again is nothing', () => {
    const change: RateSheetCommand = { type: 'ChangeMarkup', sheetId: 'agent-a-sheet', markupMicroPercent: 20_000_000n, byAgentId: null, meta };
    sheets.given([derived]).when(change).then([{ type: 'MarkupChanged', sheetId: 'agent-a-sheet', previousMarkupMicroPercent: 12_500_000n, markupMicroPercent: 20_000_000n, effectiveFrom: NOW, ...audit }]);
    sheets.given([derived]).when({ ...change, markupMicroPercent: 12_500_000n }).thenNothing();
    sheets.given([baseCreated]).when({ ...change, sheetId: 'itc' }).thenRejects('only a derived sheet has a markup', 'not_a_derived_sheet');
    sheets.given([]).when(change).thenRejects('rate sheet not found', 'sheet_not_found');
  });
});

describe('sheets an agent derives (issue 12 §1)', () => {
  it('from the sheet ITC assigned to it, even when that sheet is itself derived: the agent owns it', () => {
    sheets.given([]).when(agentDerive()).then([agentDerived]);
    sheets.given([agentDerived]).when(agentDerive()).thenNothing();
    // the same from ITC's base is one markup step
    sheets.given([]).when(agentDerive({ base: { sheetId: 'itc', kind: 'base', markupSteps: 0 }, owner: { agentId: 'agent-b', assignedSheetId: 'itc', sheetsOwned: 0 } })).then([
      { ...agentDerived, baseSheetId: 'itc', ownerAgentId: 'agent-b' } as RateSheetEvent,
    ]);
  });

  it.each([
    ["ITC's base sheet", { base: { sheetId: 'itc', kind: 'base' as const, markupSteps: 0 } }],
    ["another agent's sheet", { base: { sheetId: 'agent-b-sheet', kind: 'derived' as const, markupSteps: 1 } }],
    ['with no sheet assigned', { owner: { agentId: 'agent-a', assignedSheetId: null, sheetsOwned: 0 } }],
  ])('never from %s', (_what, change) => {
    sheets.given([]).when(agentDerive(change)).thenRejects('an agent derives sheets only from the rate sheet ITC assigned to it', 'not_assigned_sheet');
  });

  it("refuses a name the agent's other sheets have (trimmed, any case); a retry of the same sheet is still nothing new", () => {
    const name = (agentDerived as { name: string }).name;
    sheets.given([]).when(agentDerive({ namesTaken: [named('mine', name.toUpperCase())] })).thenRejects(`the agent has a rate sheet named "${name.toUpperCase()}" already (sheet mine): choose another name`, 'name_taken');
    sheets.given([]).when(agentDerive({ namesTaken: [named('else', 'Something else')] })).then([agentDerived]);
    sheets.given([agentDerived]).when(agentDerive({ namesTaken: [named('mine', name)] })).thenNothing();
  });

  it(`at most ${MAX_SHEETS_PER_AGENT} per agent (409 too_many_sheets); a retried create of an existing one is still nothing`, () => {
    sheets.given([]).when(agentDerive({ owner: { ...agentA, sheetsOwned: MAX_SHEETS_PER_AGENT - 1 } })).then([agentDerived]);
    sheets.given([]).when(agentDerive({ owner: { ...agentA, sheetsOwned: MAX_SHEETS_PER_AGENT } })).thenRejects(
      `an agent may own at most ${MAX_SHEETS_PER_AGENT} derived sheets: re-price one (PATCH) instead`,
      'too_many_sheets',
    );
    sheets.given([agentDerived]).when(agentDerive({ owner: { ...agentA, sheetsOwned: MAX_SHEETS_PER_AGENT } })).thenNothing();
    // ITC is not capped
    sheets.given([]).when(deriveCommand()).then([derived]);
  });

  it('at a markup of at least 0 %', () => {
    sheets.given([]).when(agentDerive({ markupMicroPercent: -1n })).thenRejects('markup must be between 0 and 1000 percent', 'invalid_markup');
    sheets.given([]).when(agentDerive({ markupMicroPercent: 0n })).then([{ ...agentDerived, markupMicroPercent: 0n } as RateSheetEvent]);
  });

  it('not from a sheet the agent derived itself: at most two markups above the base', () => {
    sheets.given([]).when(agentDerive({ base: { sheetId: 'a-plus-5', kind: 'derived', markupSteps: 2 }, owner: { agentId: 'agent-a', assignedSheetId: 'a-plus-5', sheetsOwned: 0 } })).thenRejects(
      'a derived sheet derives from a base sheet or from a sheet derived from one: at most 2 markups deep',
      'base_is_derived',
    );
  });

  it('an agent changes the markup of its own sheets only, ITC of every derived sheet', () => {
    const change = (sheetId: string, byAgentId: string | null): Extract<RateSheetCommand, { type: 'ChangeMarkup' }> => ({ type: 'ChangeMarkup', sheetId, markupMicroPercent: 7_000_000n, byAgentId, meta });
    const changed = { type: 'MarkupChanged', sheetId: 'a-plus-5', previousMarkupMicroPercent: 5_000_000n, markupMicroPercent: 7_000_000n, effectiveFrom: NOW, ...audit } as RateSheetEvent;
    sheets.given([agentDerived]).when(change('a-plus-5', 'agent-a')).then([changed]);
    sheets.given([agentDerived]).when(change('a-plus-5', null)).then([changed]);
    sheets.given([agentDerived]).when(change('a-plus-5', 'agent-b')).thenRejects('an agent changes only the sheets it derived', 'not_sheet_owner');
    sheets.given([derived]).when(change('agent-a-sheet', 'agent-a')).thenRejects('an agent changes only the sheets it derived', 'not_sheet_owner');
    sheets.given([agentDerived]).when({ ...change('a-plus-5', 'agent-a'), markupMicroPercent: -1n }).thenRejects('markup must be between 0 and 1000 percent', 'invalid_markup');
  });

  it('the owner is part of the state; a sheet created before agents derived is ITC\'s', () => {
    const fold = (events: RateSheetEvent[]): RateSheetState => events.reduce(evolveRateSheet, initialRateSheet());
    expect(sheetOwner(fold([agentDerived]))).toBe('agent-a');
    expect(sheetOwner(fold([derived]))).toBeNull();
    const { ownerAgentId: _dropped, ...older } = derived as Extract<RateSheetEvent, { type: 'DerivedSheetCreated' }>;
    expect(sheetOwner(fold([older]))).toBeNull();
    expect(sheetOwner(fold([baseCreated]))).toBeNull();
  });
});

describe('in force at a call start', () => {
  const fold = (events: RateSheetEvent[]): RateSheetState => events.reduce(evolveRateSheet, initialRateSheet());

  it('the base version: latest effectiveFrom at or before the start', () => {
    const state = fold([baseCreated, imported('v2', '2025-04-01T00:00:00Z'), imported('v1', '2025-03-01T00:00:00Z')]);
    if (state.kind !== 'base') throw new Error('base');
    expect(versionInForce(state, '2025-02-28T23:59:59Z')).toBeNull();
    expect(versionInForce(state, '2025-03-01T00:00:00Z')?.versionId).toBe('v1');
    expect(versionInForce(state, '2025-03-31T23:59:59.999Z')?.versionId).toBe('v1');
    expect(versionInForce(state, '2025-04-01T02:00:00+02:00')?.versionId).toBe('v2');
  });

  it('the markup: the latest change at or before the start; a call before the sheet existed uses the first', () => {
    const later = { ...audit, occurredAt: '2025-03-10T00:00:00.000Z' };
    const state = fold([derived, { type: 'MarkupChanged', sheetId: 'agent-a-sheet', previousMarkupMicroPercent: 12_500_000n, markupMicroPercent: 20_000_000n, effectiveFrom: later.occurredAt, ...later }]);
    if (state.kind !== 'derived') throw new Error('derived');
    expect(markupInForce(state, '2025-01-01T00:00:00Z')).toBe(12_500_000n);
    expect(markupInForce(state, '2025-03-09T23:59:59Z')).toBe(12_500_000n);
    expect(markupInForce(state, '2025-03-10T00:00:00Z')).toBe(20_000_000n);
  });

  it('evolve refuses events that could not have been decided', () => {
    expect(() => fold([imported('v1', NOW)])).toThrow('version imported into none sheet itc');
    expect(() => fold([baseCreated, baseCreated])).toThrow('BaseSheetCreated on an existing sheet itc');
  });
});
