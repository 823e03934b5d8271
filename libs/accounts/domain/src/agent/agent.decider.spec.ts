import { spec } from '@billing/decider/testing';
import type { AgentCommand } from './agent.commands.js';
import { agentDecider } from './agent.decider.js';
import type { AgentEvent, AgentRegistered } from './agent.events.js';

const meta = { actor: 'admin:1', now: '2025-03-01T10:00:00Z' };
const audit = { actor: 'admin:1', occurredAt: '2025-03-01T10:00:00Z' };
const given = (events: AgentEvent[]) => spec(agentDecider).given(events);

const register = (overrides: Partial<Extract<AgentCommand, { type: 'RegisterAgent' }>> = {}): AgentCommand => ({
  type: 'RegisterAgent',
  agentId: 'agent-1',
  name: 'Acme Telecom',
  contactEmail: 'ops@Acme.Example',
  commissionMicroPercent: 12_500_000n,
  rateSheetId: 'sheet-base',
  lowBalanceThresholdMicros: 50_000_000n,
  username: 'acme',
  maxCustomerCreditLimitMicros: 0n,
  maxTotalCustomerCreditMicros: 0n,
  customersMayAddCallerIds: true,
  meta,
  ...overrides,
});

const registered: AgentRegistered = {
  type: 'AgentRegistered',
  agentId: 'agent-1',
  name: 'Acme Telecom',
  contactEmail: 'ops@acme.example',
  commissionMicroPercent: 12_500_000n,
  rateSheetId: 'sheet-base',
  lowBalanceThresholdMicros: 50_000_000n,
  username: 'acme',
  maxCustomerCreditLimitMicros: 0n,
  maxTotalCustomerCreditMicros: 0n,
  customersMayAddCallerIds: true,
  ...audit,
};
const suspended: AgentEvent = { type: 'AgentSuspended', agentId: 'agent-1', reason: null, ...audit };

describe('RegisterAgent', () => {
  it('registers an agent with normalised e-mail and username', () => {
    given([]).when(register({ username: '  ACME ', name: ' Acme Telecom ' })).then([registered]);
  });

  it('accepts 0 % and 100 % commission', () => {
    given([]).when(register({ commissionMicroPercent: 0n })).then([{ ...registered, commissionMicroPercent: 0n }]);
    given([]).when(register({ commissionMicroPercent: 100_000_000n })).then([{ ...registered, commissionMicroPercent: 100_000_000n }]);
  });

  it('is idempotent: the same registration again decides nothing', () => {
    given([registered]).when(register()).thenNothing();
  });

  it('refuses a different registration under an existing id', () => {
    given([registered]).when(register({ name: 'Other' })).thenRejects('agent already registered', 'agent_exists');
  });

  it.each([
    [{ commissionMicroPercent: -1n }, 'commission must be between 0 and 100 percent', 'invalid_commission'],
    [{ commissionMicroPercent: 100_000_001n }, 'commission must be between 0 and 100 percent', 'invalid_commission'],
    [{ name: '   ' }, 'name must be 1 to 100 characters', 'invalid_name'],
    [{ name: 'x'.repeat(101) }, 'name must be 1 to 100 characters', 'invalid_name'],
    [{ contactEmail: 'not-an-email' }, 'contact e-mail is not a valid address', 'invalid_email'],
    [{ rateSheetId: '' }, 'rate sheet must be a rate sheet id', 'invalid_rate_sheet'],
    [{ lowBalanceThresholdMicros: -1n }, 'low-balance threshold must not be negative', 'invalid_low_balance_threshold'],
    [{ username: 'a b' }, 'username must be 3 to 64 characters: lowercase letters, digits and . _ @ -', 'invalid_username'],
  ])('rejects %p', (overrides, message, code) => {
    given([]).when(register(overrides)).thenRejects(message, code);
  });

  it('asserts the actor and time passed in (a service bug, not a rejection)', () => {
    expect(() => agentDecider.decide(register({ meta: { actor: 'admin:1', now: 'yesterday' } }), agentDecider.initialState())).toThrow(
      'command meta.now must be an ISO instant',
    );
  });
});

describe('ChangeAgentCommission', () => {
  const change = (commissionMicroPercent: bigint): AgentCommand => ({ type: 'ChangeAgentCommission', agentId: 'agent-1', commissionMicroPercent, meta });

  it('records old and new percentage with actor and time', () => {
    given([registered])
      .when(change(15_000_000n))
      .then([
        { type: 'AgentCommissionChanged', agentId: 'agent-1', previousCommissionMicroPercent: 12_500_000n, commissionMicroPercent: 15_000_000n, ...audit },
      ]);
  });

  it('is idempotent', () => {
    given([registered]).when(change(12_500_000n)).thenNothing();
  });

  it('applies to a suspended agent too (configuration, not activity)', () => {
    expect(spec(agentDecider).given([registered, suspended]).when(change(1n)).events()).toHaveLength(1);
  });

  it('rejects out of range and unknown agents', () => {
    given([registered]).when(change(101_000_000n)).thenRejects('commission must be between 0 and 100 percent', 'invalid_commission');
    given([]).when(change(1n)).thenRejects('agent not found', 'agent_not_found');
  });
});

describe('ChangeAgentRateSheet', () => {
  const change = (rateSheetId: string): AgentCommand => ({ type: 'ChangeAgentRateSheet', agentId: 'agent-1', rateSheetId, meta });

  it('records old and new rate sheet', () => {
    given([registered])
      .when(change('sheet-gold'))
      .then([{ type: 'AgentRateSheetChanged', agentId: 'agent-1', previousRateSheetId: 'sheet-base', rateSheetId: 'sheet-gold', ...audit }]);
  });

  it('is idempotent', () => given([registered]).when(change('sheet-base')).thenNothing());
  it('rejects a blank id', () => given([registered]).when(change(' ')).thenRejects('rate sheet must be a rate sheet id', 'invalid_rate_sheet'));
  it('rejects an unknown agent', () => given([]).when(change('x')).thenRejects('agent not found', 'agent_not_found'));
});

describe('UpdateAgentContact', () => {
  const update = (fields: { name?: string; contactEmail?: string }): AgentCommand => ({ type: 'UpdateAgentContact', agentId: 'agent-1', ...fields, meta });

  it('carries both fields as they are after the change', () => {
    given([registered])
      .when(update({ contactEmail: 'billing@acme.example' }))
      .then([{ type: 'AgentContactUpdated', agentId: 'agent-1', name: 'Acme Telecom', contactEmail: 'billing@acme.example', ...audit }]);
  });

  it('is idempotent, including an empty update', () => {
    given([registered]).when(update({ name: 'Acme Telecom', contactEmail: 'ops@ACME.example' })).thenNothing();
    given([registered]).when(update({})).thenNothing();
  });

  it('rejects a bad e-mail, a blank name and an unknown agent', () => {
    given([registered]).when(update({ contactEmail: 'a@b' })).thenRejects('contact e-mail is not a valid address', 'invalid_email');
    given([registered]).when(update({ name: '' })).thenRejects('name must be 1 to 100 characters', 'invalid_name');
    given([]).when(update({ name: 'x' })).thenRejects('agent not found', 'agent_not_found');
  });
});

describe('ChangeAgentLowBalanceThreshold', () => {
  const change = (lowBalanceThresholdMicros: bigint): AgentCommand => ({ type: 'ChangeAgentLowBalanceThreshold', agentId: 'agent-1', lowBalanceThresholdMicros, meta });

  it('records old and new threshold', () => {
    given([registered])
      .when(change(0n))
      .then([{ type: 'AgentLowBalanceThresholdChanged', agentId: 'agent-1', previousLowBalanceThresholdMicros: 50_000_000n, lowBalanceThresholdMicros: 0n, ...audit }]);
  });

  it('is idempotent', () => given([registered]).when(change(50_000_000n)).thenNothing());
  it('rejects a negative threshold', () =>
    given([registered]).when(change(-1n)).thenRejects('low-balance threshold must not be negative', 'invalid_low_balance_threshold'));
  it('rejects an unknown agent', () => given([]).when(change(1n)).thenRejects('agent not found', 'agent_not_found'));
});

describe('SuspendAgent / ReactivateAgent', () => {
  const suspend = (reason: string | null = 'unpaid invoice'): AgentCommand => ({ type: 'SuspendAgent', agentId: 'agent-1', reason, meta });
  const reactivate: AgentCommand = { type: 'ReactivateAgent', agentId: 'agent-1', meta };

  it('suspends an active agent with its reason', () => {
    given([registered]).when(suspend(' unpaid invoice ')).then([{ type: 'AgentSuspended', agentId: 'agent-1', reason: 'unpaid invoice', ...audit }]);
  });

  it('treats a blank reason as none', () => {
    given([registered]).when(suspend('  ')).then([{ type: 'AgentSuspended', agentId: 'agent-1', reason: null, ...audit }]);
  });

  it('reactivates a suspended agent', () => {
    given([registered, suspended]).when(reactivate).then([{ type: 'AgentReactivated', agentId: 'agent-1', ...audit }]);
  });

  it('is idempotent both ways', () => {
    given([registered, suspended]).when(suspend()).thenNothing();
    given([registered]).when(reactivate).thenNothing();
  });

  it('rejects a too long reason and an unknown agent', () => {
    given([registered]).when(suspend('x'.repeat(501))).thenRejects('reason must be at most 500 characters', 'invalid_reason');
    given([]).when(suspend()).thenRejects('agent not found', 'agent_not_found');
    given([]).when(reactivate).thenRejects('agent not found', 'agent_not_found');
  });
});

describe("ITC's limits on what an agent gives its customers", () => {
  const maxCredit = (micros: bigint, actor = meta): AgentCommand => ({ type: 'ChangeAgentMaxCustomerCreditLimit', agentId: 'agent-1', maxCustomerCreditLimitMicros: micros, meta: actor });
  const callerIdPolicy = (allowed: boolean, actor = meta): AgentCommand => ({ type: 'ChangeAgentCallerIdPolicy', agentId: 'agent-1', customersMayAddCallerIds: allowed, meta: actor });

  it('registers with them (default in the service: 0 and true)', () => {
    given([]).when(register({ maxCustomerCreditLimitMicros: 25_000_000n, customersMayAddCallerIds: false })).then([
      { ...registered, maxCustomerCreditLimitMicros: 25_000_000n, customersMayAddCallerIds: false },
    ]);
    given([]).when(register({ maxCustomerCreditLimitMicros: -1n })).thenRejects("the agent's maximum customer credit limit must not be negative", 'invalid_max_customer_credit_limit');
  });

  it('changes the maximum customer credit limit, with the previous one in the event; the same value decides nothing', () => {
    given([registered]).when(maxCredit(100_000_000n)).then([
      { type: 'AgentMaxCustomerCreditLimitChanged', agentId: 'agent-1', previousMaxCustomerCreditLimitMicros: 0n, maxCustomerCreditLimitMicros: 100_000_000n, ...audit },
    ]);
    given([registered]).when(maxCredit(0n)).thenNothing();
    given([registered]).when(maxCredit(-1n)).thenRejects("the agent's maximum customer credit limit must not be negative", 'invalid_max_customer_credit_limit');
    given([]).when(maxCredit(1n)).thenRejects('agent not found', 'agent_not_found');
  });

  it('sets the total credit of all its customers at registration and changes it, ITC only; the same value decides nothing', () => {
    const total = (micros: bigint, actor = meta): AgentCommand => ({ type: 'ChangeAgentMaxTotalCustomerCredit', agentId: 'agent-1', maxTotalCustomerCreditMicros: micros, meta: actor });
    given([]).when(register({ maxCustomerCreditLimitMicros: 25_000_000n, maxTotalCustomerCreditMicros: 100_000_000n })).then([
      { ...registered, maxCustomerCreditLimitMicros: 25_000_000n, maxTotalCustomerCreditMicros: 100_000_000n },
    ]);
    given([]).when(register({ maxTotalCustomerCreditMicros: -1n })).thenRejects("the agent's maximum total customer credit must not be negative", 'invalid_max_total_customer_credit');
    const changed: AgentEvent = { type: 'AgentMaxTotalCustomerCreditChanged', agentId: 'agent-1', previousMaxTotalCustomerCreditMicros: 0n, maxTotalCustomerCreditMicros: 300_000_000n, ...audit };
    given([registered]).when(total(300_000_000n)).then([changed]);
    given([registered, changed]).when(total(300_000_000n)).thenNothing();
    given([registered]).when(total(-1n)).thenRejects("the agent's maximum total customer credit must not be negative", 'invalid_max_total_customer_credit');
    given([registered]).when(total(1n, { actor: 'agent:agent-1', now: meta.now })).thenRejects("an agent's maximum total customer credit is set by ITC only", 'itc_only');
    expect([registered, changed].reduce(agentDecider.evolve, agentDecider.initialState())).toMatchObject({ maxTotalCustomerCreditMicros: 300_000_000n });
  });

  it("switches its customers' CallerID self-service off and on", () => {
    const off: AgentEvent = { type: 'AgentCallerIdPolicyChanged', agentId: 'agent-1', customersMayAddCallerIds: false, ...audit };
    given([registered]).when(callerIdPolicy(false)).then([off]);
    given([registered, off]).when(callerIdPolicy(false)).thenNothing();
    given([registered, off]).when(callerIdPolicy(true)).then([{ ...off, customersMayAddCallerIds: true }]);
  });

  it('reads an AgentRegistered stored before these fields as 0 and true', () => {
    const state = agentDecider.evolve(agentDecider.initialState(), registered);
    expect(state).toMatchObject({ maxCustomerCreditLimitMicros: 0n, customersMayAddCallerIds: true });
  });
});

describe('roles: ITC sets everything, an agent only its own contact details', () => {
  const asAgent = { actor: 'agent:agent-1', now: meta.now };
  const agentAudit = { actor: 'agent:agent-1', occurredAt: meta.now };
  const contact = (actor: typeof meta, changes: { name?: string; contactEmail?: string }): AgentCommand => ({ type: 'UpdateAgentContact', agentId: 'agent-1', ...changes, meta: actor });

  it('lets the agent change its own name and e-mail', () => {
    given([registered]).when(contact(asAgent, { name: 'Acme Ltd', contactEmail: 'billing@ACME.example' })).then([
      { type: 'AgentContactUpdated', agentId: 'agent-1', name: 'Acme Ltd', contactEmail: 'billing@acme.example', ...agentAudit },
    ]);
  });

  it("refuses another agent's or a customer's change of the contact details", () => {
    for (const actor of ['agent:agent-2', 'customer:customer-1']) {
      given([registered]).when(contact({ actor, now: meta.now }, { name: 'Hijacked' })).thenRejects('an agent changes only its own contact details', 'not_this_agent');
    }
  });

  it.each<[AgentCommand, string]>([
    [register({ meta: asAgent }), 'an agent registration is set by ITC only'],
    [{ type: 'ChangeAgentCommission', agentId: 'agent-1', commissionMicroPercent: 50_000_000n, meta: asAgent }, "an agent's commission is set by ITC only"],
    [{ type: 'ChangeAgentRateSheet', agentId: 'agent-1', rateSheetId: 'sheet-cheap', meta: asAgent }, "an agent's rate sheet is set by ITC only"],
    [{ type: 'ChangeAgentLowBalanceThreshold', agentId: 'agent-1', lowBalanceThresholdMicros: 0n, meta: asAgent }, "an agent's low-balance threshold is set by ITC only"],
    [{ type: 'ChangeAgentMaxCustomerCreditLimit', agentId: 'agent-1', maxCustomerCreditLimitMicros: 10n ** 12n, meta: asAgent }, "an agent's maximum customer credit limit is set by ITC only"],
    [{ type: 'ChangeAgentCallerIdPolicy', agentId: 'agent-1', customersMayAddCallerIds: false, meta: asAgent }, "an agent's CallerID policy is set by ITC only"],
    [{ type: 'SuspendAgent', agentId: 'agent-1', reason: null, meta: asAgent }, "an agent's status is set by ITC only"],
    [{ type: 'ReactivateAgent', agentId: 'agent-1', meta: asAgent }, "an agent's status is set by ITC only"],
  ])('refuses the agent itself: %#', (command, message) => {
    given([registered]).when(command).thenRejects(message, 'itc_only');
  });

  it('lets the system act for ITC', () => {
    given([registered]).when({ type: 'SuspendAgent', agentId: 'agent-1', reason: null, meta: { actor: 'system', now: meta.now } }).then([
      { type: 'AgentSuspended', agentId: 'agent-1', reason: null, actor: 'system', occurredAt: meta.now },
    ]);
  });
});

describe('evolve', () => {
  it('folds the history into the current agent', () => {
    const state = [registered, suspended, { type: 'AgentReactivated', agentId: 'agent-1', ...audit } as AgentEvent].reduce(
      agentDecider.evolve,
      agentDecider.initialState(),
    );
    expect(state).toEqual({
      status: 'active',
      agentId: 'agent-1',
      name: 'Acme Telecom',
      contactEmail: 'ops@acme.example',
      commissionMicroPercent: 12_500_000n,
      rateSheetId: 'sheet-base',
      lowBalanceThresholdMicros: 50_000_000n,
      username: 'acme',
      maxCustomerCreditLimitMicros: 0n,
      maxTotalCustomerCreditMicros: 0n,
      customersMayAddCallerIds: true,
    });
  });

  it('asserts instead of clamping an impossible history', () => {
    expect(() => agentDecider.evolve(agentDecider.initialState(), suspended)).toThrow('AgentSuspended before AgentRegistered');
    expect(() => agentDecider.evolve(agentDecider.evolve(agentDecider.initialState(), registered), registered)).toThrow('registered twice');
    expect(() => agentDecider.evolve(agentDecider.initialState(), { ...registered, commissionMicroPercent: 200_000_000n })).toThrow(
      'commission out of range',
    );
  });
});
