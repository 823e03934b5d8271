import { RejectedCommand } from '@billing/decider';
import type { AgentState } from '../agent/agent.state.js';
import type { CustomerProfileState, ExistingCustomerProfile } from '../customer-profile/customer-profile.state.js';
import { resolveCustomerTerms } from './resolve-customer-terms.js';
import { DEFAULT_FEATURES } from '../features/features.types.js';

const agent: AgentState = {
  status: 'active',
  agentId: 'agent-1',
  name: 'Acme',
  contactEmail: 'ops@acme.example',
  commissionMicroPercent: 10_000_000n,
  rateSheetId: 'sheet-agent',
  lowBalanceThresholdMicros: 0n,
  username: 'acme',
  maxCustomerCreditLimitMicros: 0n,
  maxTotalCustomerCreditMicros: 200_000_000n,
  customersMayAddCallerIds: true,
};

const profile: ExistingCustomerProfile = {
  status: 'active',
  profileId: 'profile-1',
  ownerAgentId: null,
  name: 'Postpaid',
  billingType: 'postpaid',
  creditLimitMicros: 30_000_000n,
  rateSheetId: null,
  initialBalanceMicros: 0n,
  lowBalanceThresholdMicros: 2_000_000n,
  maxConcurrentCalls: 4,
  maxCallDurationSeconds: 7_200,
  language: 'es',
  features: DEFAULT_FEATURES,
};

function rejection(run: () => unknown): Pick<RejectedCommand, 'message' | 'code' | 'status'> {
  try {
    run();
  } catch (error) {
    if (error instanceof RejectedCommand) return { message: error.message, code: error.code, status: error.status };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('resolveCustomerTerms', () => {
  it("copies the profile and inherits the agent's rate sheet when the profile has none", () => {
    expect(resolveCustomerTerms(profile, agent)).toEqual({
      billingType: 'postpaid',
      creditLimitMicros: 30_000_000n,
      rateSheetId: 'sheet-agent',
      initialBalanceMicros: 0n,
      lowBalanceThresholdMicros: 2_000_000n,
      maxConcurrentCalls: 4,
      maxCallDurationSeconds: 7_200,
      language: 'es',
    });
  });

  it("prefers the profile's own rate sheet", () => {
    expect(resolveCustomerTerms({ ...profile, rateSheetId: 'sheet-profile' }, agent).rateSheetId).toBe('sheet-profile');
  });

  it('serves an ITC-direct customer from a profile with its own rate sheet', () => {
    expect(resolveCustomerTerms({ ...profile, rateSheetId: 'sheet-profile' }, null).rateSheetId).toBe('sheet-profile');
  });

  it('lets an agent use its own profile', () => {
    expect(resolveCustomerTerms({ ...profile, ownerAgentId: 'agent-1' }, agent).rateSheetId).toBe('sheet-agent');
  });

  it.each<[string, CustomerProfileState, AgentState | null, { message: string; code: string; status: number }]>([
    ['an unknown profile', { status: 'none' }, agent, { message: 'profile not found', code: 'profile_not_found', status: 404 }],
    ['an archived profile', { ...profile, status: 'archived' }, agent, { message: 'profile is archived', code: 'profile_archived', status: 409 }],
    ['an unknown agent', profile, { status: 'unregistered' }, { message: 'agent not found', code: 'agent_not_found', status: 404 }],
    ['a suspended agent', profile, { ...agent, status: 'suspended' } as AgentState, { message: 'agent is suspended', code: 'agent_suspended', status: 409 }],
    [
      "another agent's profile",
      { ...profile, ownerAgentId: 'agent-2' },
      agent,
      { message: 'profile belongs to another agent', code: 'profile_owner_mismatch', status: 422 },
    ],
    [
      "an agent's profile for an ITC-direct customer",
      { ...profile, ownerAgentId: 'agent-1' },
      null,
      { message: 'profile belongs to another agent', code: 'profile_owner_mismatch', status: 422 },
    ],
    [
      'an inheriting profile without an agent',
      profile,
      null,
      { message: 'an ITC-direct customer needs a profile with its own rate sheet', code: 'rate_sheet_required', status: 422 },
    ],
  ])('refuses %s', (_case, profileState, agentState, expected) => {
    expect(rejection(() => resolveCustomerTerms(profileState, agentState))).toEqual(expected);
  });
});
