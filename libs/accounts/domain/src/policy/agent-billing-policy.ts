// What an agent may give its customers. ITC assigns each agent a rate sheet and bounds the credit
// it grants; one rule for every path that sets a customer's terms — the agent's own profiles,
// opening a customer (single or batch), changing a customer's rate sheet or credit limit:
//  - the rate sheet is the one ITC assigned to the agent, or a sheet that agent derived directly
//    from it at a markup ≥ 0 (to give different customers different prices); never ITC's base
//    sheet, a sheet of another agent, or one that sells below the agent's cost. A sheet the agent
//    may not see (ITC's others, another agent's) is refused as if it did not exist (422
//    rate_sheet_not_found), as rating's sheet routes answer it, so other tenants' ids cannot be
//    probed;
//  - a postpaid credit limit is at most the agent's `maxCustomerCreditLimitMicros` (0 = the agent
//    grants no postpaid credit), because the agent is liable to ITC for its customers' unpaid
//    postpaid usage up to the limit it granted;
//  - the credit limits of the agent's open postpaid customers together stay within the agent's
//    `maxTotalCustomerCreditMicros` (checkAgentCreditTotal), so ITC's exposure through one agent
//    is bounded however many customers it opens. That sum is read where the grant is appended,
//    under a per-agent lock, so concurrent grants cannot pass it together.
// ITC (admin, system) keeps full freedom. The facts about a sheet come from rating (the
// RateSheetCatalog port); the service asks and passes the answer in. Every refusal here is a
// check before the decision (`decided: false`).
import { formatMoney, formatPercent } from '@billing/money';
import type { AgentState } from '../agent/agent.state.js';
import { rejections } from '../rejections.js';
import { actorOf } from '../shared/actor.js';
import type { CommandMeta } from '../shared/command-meta.js';

/** Rating's answer about one sheet (libs/contracts sheets-api.ts), with the markup in micro-percent. */
export interface RateSheetFacts {
  sheetId: string;
  exists: boolean;
  /** the sheet a derived sheet follows; null for a base sheet. */
  parentSheetId: string | null;
  /** a derived sheet's markup now (12.5 % = 12_500_000n); null for a base sheet. */
  markupMicroPercent: bigint | null;
  /** the agent that derived it; null when ITC owns it. */
  ownerAgentId: string | null;
}

export interface CustomerTermsRequest {
  /** who asks (only `actor` matters here). */
  meta: Pick<CommandMeta, 'actor'>;
  /** the agent whose customer(s) the terms are for; null = an ITC-direct customer (or ITC profile). */
  agent: AgentState | null;
  /** the sheet named by the request; null/absent = none named (the agent's own sheet applies). */
  rateSheet?: RateSheetFacts | null;
  /** the postpaid credit limit the request grants; null/absent = none (prepaid, or not changed). */
  creditLimitMicros?: bigint | null;
}

/** Throws the RejectedCommand of the first rule the request breaks (403, or 422 for an unknown sheet). */
export function checkAgentBillingPolicy(request: CustomerTermsRequest): void {
  const actor = actorOf(request.meta);
  if (actor.role === 'admin' || actor.role === 'system') return;
  const agent = request.agent;
  if (actor.role !== 'agent' || agent === null || agent.status === 'unregistered' || agent.agentId !== actor.id) throw rejections.billingTermsNotAllowed();
  if (request.rateSheet !== undefined && request.rateSheet !== null) checkSheet(request.rateSheet, agent.agentId, agent.rateSheetId);
  const creditLimitMicros = request.creditLimitMicros ?? null;
  if (creditLimitMicros !== null && creditLimitMicros > agent.maxCustomerCreditLimitMicros) {
    throw rejections.creditLimitAboveAgentMaximum(formatMoney(creditLimitMicros), formatMoney(agent.maxCustomerCreditLimitMicros));
  }
}

function checkSheet(sheet: RateSheetFacts, agentId: string, assignedSheetId: string): void {
  if (sheet.sheetId === assignedSheetId && sheet.exists) return;
  // only the assigned sheet and the agent's own are visible to it: anything else "does not exist"
  if (!sheet.exists || sheet.ownerAgentId !== agentId) throw rejections.rateSheetNotFoundForAgent(sheet.sheetId);
  if (sheet.parentSheetId !== assignedSheetId) throw rejections.rateSheetNotAllowed(sheet.sheetId, assignedSheetId);
  // a derived sheet without a markup cannot be shown to sell at or above cost
  if (sheet.markupMicroPercent === null) throw rejections.rateSheetNotAllowed(sheet.sheetId, assignedSheetId);
  if (sheet.markupMicroPercent < 0n) throw rejections.rateSheetBelowCost(sheet.sheetId, formatPercent(sheet.markupMicroPercent));
}

export interface AgentCreditTotalRequest {
  /** the agent's maxTotalCustomerCreditMicros. */
  maxTotalMicros: bigint;
  /** the credit limits of its open (not closed) postpaid customers, without the one being granted. */
  grantedMicros: bigint;
  /** the credit limit the grant gives that customer. */
  creditLimitMicros: bigint;
}

/** Throws 403 agent_credit_total_exceeded (with `available`) when the grant would pass the agent's total. */
export function checkAgentCreditTotal(request: AgentCreditTotalRequest): void {
  // no credit is never refused, even when ITC lowered the total below what is already granted
  if (request.creditLimitMicros === 0n || request.grantedMicros + request.creditLimitMicros <= request.maxTotalMicros) return;
  const available = request.maxTotalMicros > request.grantedMicros ? request.maxTotalMicros - request.grantedMicros : 0n;
  throw rejections.agentCreditTotalExceeded(formatMoney(request.creditLimitMicros), formatMoney(available), formatMoney(request.maxTotalMicros));
}
