// Response shapes: money as decimal strings, times as ISO instants (docs/API.md).
import { formatMoney, formatPercent } from '@billing/money';
import { markupInForce, sheetOwner, versionInForce, type RateSheetState } from '@billing/rating-domain';
import type { Principal } from '@billing/gateway';
import { z } from 'zod';
import type { CallRow, CallSummary, SipUserTraffic } from '../calls/call-history.queries.js';
import { rateRowView, roundingView, type RateRowView } from '../sheets/row-codec.js';

const Rounding = z.object({ decimals: z.number().int(), mode: z.string() });
const VersionView = z.object({
  versionId: z.string(),
  effectiveFrom: z.string(),
  rowCount: z.number().int(),
  contentHash: z.string(),
  rounding: Rounding,
  importedAt: z.string(),
  inForce: z.boolean(),
});
export const SheetView = z.object({
  sheetId: z.string(),
  kind: z.enum(['base', 'derived']),
  name: z.string(),
  rounding: Rounding.nullable(),
  baseSheetId: z.string().nullable(),
  markupPercent: z.string().nullable(),
  markups: z.array(z.object({ markupPercent: z.string(), effectiveFrom: z.string() })),
  ownerAgentId: z.string().nullable().meta({ description: 'the agent that derived the sheet; null = ITC' }),
  versions: z.array(VersionView).meta({ description: "a derived sheet lists its base's versions: they are the ones that apply" }),
});
export type SheetView = z.infer<typeof SheetView>;

/**
 * A sheet as an agent sees it: its own derived sheets whole; the sheet ITC assigned to it without
 * what it is derived from or at which markup (ITC's margin is not the agent's business) — its rows
 * are the prices the agent pays.
 */
export function sheetViewFor(principal: Principal, view: SheetView): SheetView {
  if (principal.role === 'admin' || view.ownerAgentId === principal.subjectId) return view;
  return { ...view, baseSheetId: null, markupPercent: null, markups: [] };
}

export const RateRowSchema = z.object({
  prefix: z.string(),
  destination: z.string(),
  connectFee: z.string(),
  minimumSeconds: z.number().int(),
  intervals: z.array(z.object({ startSecond: z.number().int(), ratePerMinute: z.string(), incrementSeconds: z.number().int() })),
});

export function sheetView(state: RateSheetState, base: RateSheetState, now: string): SheetView {
  if (state.kind === 'none') throw new Error('no sheet to show');
  const baseVersions = base.kind === 'base' ? base.versions : [];
  const inForce = base.kind === 'base' ? versionInForce(base, now) : null;
  return {
    sheetId: state.sheetId,
    kind: state.kind,
    name: state.name,
    rounding: state.kind === 'base' ? roundingView(state.rounding) : base.kind === 'base' ? roundingView(base.rounding) : null,
    baseSheetId: state.kind === 'derived' ? state.baseSheetId : null,
    markupPercent: state.kind === 'derived' ? formatPercent(markupInForce(state, now)) : null,
    markups: state.kind === 'derived' ? state.markups.map((m) => ({ markupPercent: formatPercent(m.markupMicroPercent), effectiveFrom: m.effectiveFrom })) : [],
    ownerAgentId: sheetOwner(state),
    versions: baseVersions.map((version) => ({
      versionId: version.versionId,
      effectiveFrom: version.effectiveFrom,
      rowCount: version.rowCount,
      contentHash: version.contentHash,
      rounding: roundingView(version.rounding),
      importedAt: version.importedAt,
      inForce: inForce?.versionId === version.versionId,
    })),
  };
}

export type { RateRowView };
export { rateRowView };

export const CallView = z.object({
  callId: z.string(),
  status: z.enum(['rated', 'unrated', 'unanswered']),
  reason: z.string().nullable(),
  customerId: z.string().nullable(),
  agentId: z.string().nullable(),
  account: z.string().nullable(),
  sipUsername: z.string().nullable(),
  sourceIp: z.string().nullable().meta({ description: 'the address the call came from, when the switch sent one (an IPBX trunk by source IP)' }),
  techPrefix: z.string().nullable().meta({ description: 'the tech prefix of the trunk address that made the call, stripped from the number dialled; null = none' }),
  callerId: z.string().nullable(),
  destination: z.string().meta({ description: 'as dialled, less the trunk’s tech prefix' }),
  destinationDigits: z.string().nullable(),
  destinationName: z.string().nullable(),
  prefix: z.string().nullable(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string(),
  disposition: z.string(),
  billsec: z.number().int(),
  billedSeconds: z.number().int(),
  cost: z.string(),
  sheetId: z.string().nullable(),
  versionId: z.string().nullable(),
});
export type CallView = z.infer<typeof CallView>;

export function callView(row: CallRow): CallView {
  return {
    callId: row.call_id,
    status: row.status,
    reason: row.reason,
    customerId: row.customer_id,
    agentId: row.agent_id,
    account: row.account,
    sipUsername: row.sip_username,
    sourceIp: row.source_ip,
    techPrefix: row.tech_prefix,
    callerId: row.caller_id,
    destination: row.destination,
    destinationDigits: row.destination_digits,
    destinationName: row.destination_name,
    prefix: row.prefix,
    startedAt: row.started_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    endedAt: row.ended_at.toISOString(),
    disposition: row.disposition,
    billsec: row.billsec,
    billedSeconds: row.billed_seconds,
    cost: formatMoney(BigInt(row.cost_micros)),
    sheetId: row.sheet_id,
    versionId: row.version_id,
  };
}

export function pageSchema(item: z.ZodType) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const SummaryView = z.object({
  attempts: z.number().int(),
  answered: z.number().int(),
  talkSeconds: z.number().int(),
  billedSeconds: z.number().int(),
  talkMinutes: z.string(),
  billedMinutes: z.string(),
  revenue: z.string(),
  asrPercent: z.string().nullable(),
  acdSeconds: z.string().nullable(),
  topDestinations: z.array(z.object({ destination: z.string(), attempts: z.number().int(), answered: z.number().int(), billedSeconds: z.number().int(), revenue: z.string() })),
  bySipUsername: z
    .array(z.object({ sipUsername: z.string().nullable(), attempts: z.number().int(), answered: z.number().int(), billedSeconds: z.number().int(), revenue: z.string() }))
    .optional()
    .meta({ description: 'with ?groupBy=sipUsername: each SIP user\'s traffic (null = CDRs that named only the account)' }),
});
export type SummaryView = z.infer<typeof SummaryView>;

export function bySipUsernameView(rows: readonly SipUserTraffic[]): NonNullable<SummaryView['bySipUsername']> {
  return rows.map((r) => ({ sipUsername: r.sipUsername, attempts: r.attempts, answered: r.answered, billedSeconds: r.billedSeconds, revenue: formatMoney(r.revenueMicros) }));
}

export function summaryView(summary: CallSummary): SummaryView {
  const { totals } = summary;
  return {
    attempts: totals.attempts,
    answered: totals.answered,
    talkSeconds: totals.billsecSeconds,
    billedSeconds: totals.billedSeconds,
    talkMinutes: minutes(totals.billsecSeconds),
    billedMinutes: minutes(totals.billedSeconds),
    revenue: formatMoney(totals.revenueMicros),
    asrPercent: summary.asrMicroPercent === null ? null : formatPercent(summary.asrMicroPercent),
    acdSeconds: summary.acdMillis === null ? null : millisAsSeconds(summary.acdMillis),
    topDestinations: summary.topDestinations.map((d) => ({ destination: d.destination, attempts: d.attempts, answered: d.answered, billedSeconds: d.billedSeconds, revenue: formatMoney(d.revenueMicros) })),
  };
}

/** seconds → minutes with 2 decimals, half-up (display only). */
function minutes(seconds: number): string {
  const hundredths = Math.floor((seconds * 100 + 30) / 60);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function millisAsSeconds(millis: number): string {
  return `${Math.floor(millis / 1000)}.${String(millis % 1000).padStart(3, '0')}`;
}

/** One CSV line of the call history export (RFC 4180 quoting). */
export const CALL_CSV_HEADER =
  'call_id,status,reason,customer_id,agent_id,account,sip_username,source_ip,tech_prefix,caller_id,destination,destination_digits,destination_name,prefix,started_at,answered_at,ended_at,disposition,billsec,billed_seconds,cost,sheet_id,version_id\n';

export function callCsvLine(view: CallView): string {
  const cells = [
    view.callId,
    view.status,
    view.reason,
    view.customerId,
    view.agentId,
    view.account,
    view.sipUsername,
    view.sourceIp,
    view.techPrefix,
    view.callerId,
    view.destination,
    view.destinationDigits,
    view.destinationName,
    view.prefix,
    view.startedAt,
    view.answeredAt,
    view.endedAt,
    view.disposition,
    String(view.billsec),
    String(view.billedSeconds),
    view.cost,
    view.sheetId,
    view.versionId,
  ];
  return `${cells.map(csvCell).join(',')}\n`;
}

function csvCell(value: string | null): string {
  if (value === null) return '';
  // a cell a spreadsheet would run as a formula is quote-prefixed; phone numbers (+44 20 …) stay as they are
  const formula = /^[=@\t\r]/.test(value) || (/^[+-]/.test(value) && !/^[+-][0-9 ().-]*$/.test(value));
  const safe = formula ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
