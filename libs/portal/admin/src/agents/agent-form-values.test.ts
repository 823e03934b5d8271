import { describe, expect, it } from 'vitest';
import { changeAgentBody, valuesFromAgent } from './agent-form-values';
import type { Agent } from './agent-wire';

const agent: Agent = {
  id: 'a1',
  name: 'Acme',
  contactEmail: 'ops@acme.example',
  commissionPercent: '10',
  rateSheetId: 'acme-sell',
  lowBalanceThreshold: '50',
  username: 'acme',
  maxCustomerCreditLimit: '100',
  maxTotalCustomerCredit: '100',
  customersMayAddCallerIds: true,
  status: 'active',
  registeredAt: '2026-12-04T00:00:00Z',
  updatedAt: '2026-12-04T00:00:00Z',
} as Agent;

describe('changeAgentBody', () => {
  it('sends nothing when nothing changed (the same amount written otherwise included)', () => {
    expect(changeAgentBody({ ...valuesFromAgent(agent), commissionPercent: '10.00', lowBalanceThreshold: '50.0' }, agent)).toEqual({});
    expect(changeAgentBody({ ...valuesFromAgent(agent), commissionPercent: '10,00', lowBalanceThreshold: '50,0' }, agent, 'es')).toEqual({});
  });

  it('sends only the fields that changed', () => {
    expect(changeAgentBody({ ...valuesFromAgent(agent), commissionPercent: '12.5', customersMayAddCallerIds: false, name: ' Acme 2 ' }, agent)).toEqual({
      commissionPercent: '12.5',
      customersMayAddCallerIds: false,
      name: 'Acme 2',
    });
  });
});
