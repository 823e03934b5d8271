import { RejectedCommand } from '@billing/decider';
import type { AgentState } from '../agent/agent.state.js';
import { checkAgentBillingPolicy, checkAgentCreditTotal, type CustomerTermsRequest, type RateSheetFacts } from './agent-billing-policy.js';

const asAgent = { actor: 'agent:agent-1' };
const agent: AgentState = {
  status: 'active',
  agentId: 'agent-1',
  name: 'Acme',
  contactEmail: 'ops@acme.example',
  commissionMicroPercent: 10_000_000n,
  rateSheetId: 'sheet-agent',
  lowBalanceThresholdMicros: 0n,
  username: 'acme',
  maxCustomerCreditLimitMicros: 50_000_000n,
  maxTotalCustomerCreditMicros: 200_000_000n,
  customersMayAddCallerIds: true,
};
const sheet = (overrides: Partial<RateSheetFacts>): RateSheetFacts => ({
  sheetId: 'sheet-x',
  exists: true,
  parentSheetId: null,
  markupMicroPercent: null,
  ownerAgentId: null,
  ...overrides,
});
const assigned = sheet({ sheetId: 'sheet-agent' });
const ownDerived = sheet({ sheetId: 'sheet-gold', parentSheetId: 'sheet-agent', markupMicroPercent: 15_000_000n, ownerAgentId: 'agent-1' });
const itcDerived = sheet({ sheetId: 'sheet-itc-for-acme', parentSheetId: 'sheet-agent', markupMicroPercent: 0n, ownerAgentId: null });
const itcBase = sheet({ sheetId: 'sheet-base' });

function refusal(request: CustomerTermsRequest): { status: number; code: string; message: string; decided: boolean } {
  try {
    checkAgentBillingPolicy(request);
  } catch (error) {
    if (error instanceof RejectedCommand) return { status: error.status, code: error.code, message: error.message, decided: error.decided };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('what an agent may give its customers', () => {
  it('allows the sheet ITC assigned, a sheet the agent derived from it at markup ≥ 0, and no sheet at all', () => {
    for (const rateSheet of [assigned, ownDerived, null, undefined]) {
      expect(() => checkAgentBillingPolicy({ meta: asAgent, agent, rateSheet })).not.toThrow();
    }
  });

  it("answers a sheet the agent may not see as one that does not exist: ITC's base, another agent's assigned sheet, an ITC sheet derived from the agent's", () => {
    const notFound = (sheetId: string) => ({
      status: 422,
      code: 'rate_sheet_not_found',
      message: `rate sheet "${sheetId}" does not exist: use the sheet ITC assigned to you, or one you derived from it (POST /rate-sheets/{id}/derived)`,
      decided: false,
    });
    expect(refusal({ meta: asAgent, agent, rateSheet: itcBase })).toEqual(notFound('sheet-base'));
    // when ITC assigned its base sheet to this agent, a sheet ITC derived from it for another agent is still not this agent's
    const onBase = { ...agent, rateSheetId: 'sheet-base' };
    const rivalAssigned = sheet({ sheetId: 'sheet-for-rival', parentSheetId: 'sheet-base', markupMicroPercent: 10_000_000n, ownerAgentId: null });
    expect(refusal({ meta: asAgent, agent: onBase, rateSheet: rivalAssigned })).toEqual(notFound('sheet-for-rival'));
    expect(refusal({ meta: asAgent, agent, rateSheet: itcDerived })).toEqual(notFound('sheet-itc-for-acme'));
  });

  it("answers another agent's own sheet as one that does not exist, even one derived from the same sheet", () => {
    const foreign = sheet({ sheetId: 'sheet-rival', parentSheetId: 'sheet-agent', markupMicroPercent: 5_000_000n, ownerAgentId: 'agent-2' });
    expect(refusal({ meta: asAgent, agent, rateSheet: foreign })).toMatchObject({ status: 422, code: 'rate_sheet_not_found' });
  });

  it("refuses the agent's own sheet derived from another sheet than the assigned one (ITC reassigned the agent)", () => {
    const elsewhere = sheet({ sheetId: 'sheet-mine-of-base', parentSheetId: 'sheet-base', markupMicroPercent: 50_000_000n, ownerAgentId: 'agent-1' });
    expect(refusal({ meta: asAgent, agent, rateSheet: elsewhere })).toEqual({
      status: 403,
      code: 'rate_sheet_not_allowed',
      message: 'rate sheet "sheet-mine-of-base" is not yours to bill with: use the sheet ITC assigned to you ("sheet-agent") or a sheet you derived from it at a markup of at least 0',
      decided: false,
    });
  });

  it('refuses a derived sheet that sells below the agent\'s cost (negative markup), or that has no markup', () => {
    const discount = { ...ownDerived, markupMicroPercent: -1n };
    expect(refusal({ meta: asAgent, agent, rateSheet: discount })).toEqual({
      status: 403,
      code: 'rate_sheet_below_cost',
      message: 'rate sheet "sheet-gold" sells below the sheet ITC assigned to you (markup -0.000001 %): an agent\'s markup must be at least 0',
      decided: false,
    });
    expect(refusal({ meta: asAgent, agent, rateSheet: { ...ownDerived, markupMicroPercent: null } })).toMatchObject({ code: 'rate_sheet_not_allowed' });
  });

  it('refuses a sheet that does not exist', () => {
    expect(refusal({ meta: asAgent, agent, rateSheet: sheet({ sheetId: 'typo', exists: false }) })).toMatchObject({ status: 422, code: 'rate_sheet_not_found' });
  });

  it('bounds the postpaid credit an agent grants by the limit ITC set on it', () => {
    expect(() => checkAgentBillingPolicy({ meta: asAgent, agent, creditLimitMicros: 50_000_000n })).not.toThrow();
    expect(refusal({ meta: asAgent, agent, creditLimitMicros: 50_000_001n })).toEqual({
      status: 403,
      code: 'credit_limit_above_agent_maximum',
      message: 'credit limit 50.000001 is above the 50 ITC allows this agent to grant a customer',
      decided: false,
    });
    const noCredit = { ...agent, maxCustomerCreditLimitMicros: 0n };
    expect(() => checkAgentBillingPolicy({ meta: asAgent, agent: noCredit, creditLimitMicros: 0n })).not.toThrow();
    expect(refusal({ meta: asAgent, agent: noCredit, creditLimitMicros: 1_000_000_000_000n })).toMatchObject({ code: 'credit_limit_above_agent_maximum' });
  });

  it('leaves ITC free: any existing sheet, any credit limit, for any agent', () => {
    for (const actor of ['admin:itc', 'system']) {
      expect(() => checkAgentBillingPolicy({ meta: { actor }, agent, rateSheet: itcBase, creditLimitMicros: 10n ** 15n })).not.toThrow();
      expect(() => checkAgentBillingPolicy({ meta: { actor }, agent: null, rateSheet: itcBase })).not.toThrow();
    }
  });

  it("refuses an agent acting for another agent's customers, for ITC-direct ones, and a customer", () => {
    expect(refusal({ meta: { actor: 'agent:agent-2' }, agent, rateSheet: assigned })).toMatchObject({ status: 403, code: 'billing_terms_not_allowed' });
    expect(refusal({ meta: asAgent, agent: null, creditLimitMicros: 0n })).toMatchObject({ status: 403, code: 'billing_terms_not_allowed' });
    expect(refusal({ meta: { actor: 'customer:c-1' }, agent, rateSheet: assigned })).toMatchObject({ status: 403, code: 'billing_terms_not_allowed' });
  });
});

describe("the total of an agent's customers' credit", () => {
  const total = (grantedMicros: bigint, creditLimitMicros: bigint, maxTotalMicros = 200_000_000n): unknown => {
    try {
      checkAgentCreditTotal({ maxTotalMicros, grantedMicros, creditLimitMicros });
      return 'granted';
    } catch (error) {
      return error;
    }
  };

  it('grants up to the total exactly', () => {
    expect(total(0n, 200_000_000n)).toBe('granted');
    expect(total(150_000_000n, 50_000_000n)).toBe('granted');
  });

  it('refuses a grant past it with 403 agent_credit_total_exceeded and what is still available', () => {
    const refused = total(150_000_000n, 50_000_001n) as RejectedCommand;
    expect(refused).toMatchObject({ status: 403, code: 'agent_credit_total_exceeded', details: { available: '50' }, decided: false });
    expect(refused.message).toBe("credit limit 50.000001 is above the 50 left of the 200 ITC allows this agent's open postpaid customers together");
    // ITC lowered the total below what is granted: nothing is available, not a negative amount
    expect(total(300_000_000n, 1n)).toMatchObject({ code: 'agent_credit_total_exceeded', details: { available: '0' } });
  });

  it('never refuses no credit, even above the total', () => {
    expect(total(300_000_000n, 0n)).toBe('granted');
    expect(total(0n, 0n, 0n)).toBe('granted');
  });
});
