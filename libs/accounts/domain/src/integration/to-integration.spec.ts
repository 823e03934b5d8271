import { accountsEventsV1, IntegrationEvent, integrationEventFrom, parseAccountsEventV1 } from '@billing/contracts';
import type { AccountsEvent } from '../accounts-event.js';
import { allEvents } from '../testing/all-events.js';
import { toIntegrationEvent } from './to-integration.js';

const example = <T extends AccountsEvent['type']>(type: T, index = 0) =>
  allEvents.filter((event): event is Extract<AccountsEvent, { type: T }> => event.type === type)[index]!;

describe('toIntegrationEvent', () => {
  const published = allEvents.map((event) => [event.type, event, toIntegrationEvent(event)] as const).filter(([, , shape]) => shape !== null);

  it.each(published)('%s matches its v1 contract and makes a valid envelope', (_type, event, shape) => {
    expect(accountsEventsV1[shape!.type].parse(shape!.data)).toEqual(shape!.data);
    expect(parseAccountsEventV1(shape!.type, shape!.data)).toEqual({ type: shape!.type, data: shape!.data });
    const recorded = {
      eventId: '0195a3b0-0000-7000-8000-000000000001',
      type: event.type,
      data: {},
      metadata: { correlationId: 'corr-1' },
      streamId: 'x',
      streamVersion: 0,
      checkpoint: { transactionId: 1n, position: 1n },
      recordedAt: new Date('2025-03-01T10:00:01Z'),
    };
    const envelope = integrationEventFrom(recorded, shape!);
    expect(IntegrationEvent.parse(envelope)).toEqual(envelope);
    expect(envelope).toMatchObject({ schemaVersion: 1, occurredAt: '2025-03-01T10:00:00Z', correlationId: 'corr-1' });
  });

  it('publishes every contract in the registry', () => {
    expect(new Set(published.map(([, , shape]) => shape!.type))).toEqual(new Set(Object.keys(accountsEventsV1)));
  });

  it('never puts a CallerID that waits for approval in the approved list (what rating reads)', () => {
    expect(toIntegrationEvent(example('CallerIdApproved'))).toMatchObject({ type: 'accounts.CustomerCallerIdsChanged', data: { callerIds: ['+12125550123'], defaultCallerId: '+12125550123' } });
    expect(JSON.stringify(toIntegrationEvent(example('CallerIdApproved'))?.data)).not.toContain('pending');
  });

  // a refusal reached the customer's open page only after a reload: accounts published nothing for it
  it('publishes a request and a refusal as the pending list, a type of its own', () => {
    expect(toIntegrationEvent(example('CallerIdRequested'))).toMatchObject({
      type: 'accounts.CustomerCallerIdRequestsChanged',
      aggregateId: example('CallerIdRequested').customerId,
      data: { callerId: '+12125550123', change: 'requested', pendingCallerIds: ['+12125550123'] },
    });
    expect(toIntegrationEvent(example('CallerIdRejected'))).toMatchObject({
      type: 'accounts.CustomerCallerIdRequestsChanged',
      data: { callerId: '+12125550199', change: 'refused', pendingCallerIds: [] },
    });
    expect(toIntegrationEvent(example('CallerIdRejected'))?.data).not.toHaveProperty('callerIds');
  });

  it('keeps profiles and SIP credentials inside the accounts service', () => {
    for (const type of ['CustomerProfileCreated', 'CustomerProfileUpdated', 'CustomerProfileArchived', 'SipPasswordChanged'] as const) {
      expect(toIntegrationEvent(example(type))).toBeNull();
    }
    for (const [, event, shape] of published) {
      const wire = JSON.stringify(shape!.data);
      if ('sipHa1' in event) expect(wire).not.toContain(event.sipHa1);
      expect(wire).not.toMatch(/sipHa1|portalUsername|username/);
    }
  });

  it('writes money and percentages as decimal strings', () => {
    expect(toIntegrationEvent(example('AgentRegistered'))).toEqual({
      type: 'accounts.AgentRegistered',
      schemaVersion: 1,
      aggregateId: 'agent-1',
      occurredAt: '2025-03-01T10:00:00Z',
      data: {
        agentId: 'agent-1',
        name: 'Acme',
        contactEmail: 'ops@acme.example',
        commissionPercent: '12.5',
        rateSheetId: 'sheet-base',
        lowBalanceThreshold: '50',
        actor: 'agent:agent-1',
        occurredAt: '2025-03-01T10:00:00Z',
      },
    });
    expect(toIntegrationEvent(example('AgentLowBalanceThresholdChanged'))?.data).toMatchObject({ lowBalanceThreshold: '0.0085' });
    expect(toIntegrationEvent(example('CustomerCreditLimitChanged'))?.data).toMatchObject({ previousCreditLimit: '20', creditLimit: '0' });
  });

  it('tells wallet, rating and notifications what a new customer needs', () => {
    expect(toIntegrationEvent(example('CustomerOpened'))).toMatchObject({
      type: 'accounts.CustomerOpened',
      aggregateId: 'customer-1',
      data: {
        accountNumber: '1000000016',
        agentId: 'agent-1',
        billingType: 'prepaid',
        creditLimit: null,
        initialBalance: '5',
        initialBalanceSource: 'agent',
        lowBalanceThreshold: '1',
        rateSheetId: 'sheet-base',
        maxConcurrentCalls: 2,
        language: 'en',
        contactEmail: 'jane@example.com',
        lowBalanceEmailEnabled: true,
        sipUsername: '1000000016',
      },
    });
    expect(toIntegrationEvent(example('CustomerOpened', 1))?.data).toMatchObject({ agentId: null, billingType: 'postpaid', creditLimit: '20', initialBalanceSource: 'operator' });
  });

  it('maps status events to one StatusChanged contract', () => {
    expect(toIntegrationEvent(example('AgentSuspended'))?.data).toMatchObject({ status: 'suspended', reason: 'unpaid invoice' });
    expect(toIntegrationEvent(example('AgentReactivated'))?.data).toMatchObject({ status: 'active', reason: null });
    expect(toIntegrationEvent(example('CustomerSuspended'))?.data).toMatchObject({ status: 'suspended' });
    expect(toIntegrationEvent(example('CustomerReactivated'))?.data).toMatchObject({ status: 'active' });
    expect(toIntegrationEvent(example('CustomerClosed'))?.data).toMatchObject({ status: 'closed', reason: 'moved away' });
  });

  it('publishes the whole CallerID list after each change', () => {
    expect(toIntegrationEvent(example('CallerIdRemoved'))).toMatchObject({
      type: 'accounts.CustomerCallerIdsChanged',
      data: { callerIds: [], defaultCallerId: null },
    });
    expect(toIntegrationEvent(example('DefaultCallerIdChosen'))?.data).toMatchObject({ callerIds: ['+442079460958', '+34912345678'], defaultCallerId: '+34912345678' });
  });

  it('lists a batch by customer id and account number', () => {
    const shape = toIntegrationEvent(example('BatchOpened'));
    expect(shape).toMatchObject({ type: 'accounts.BatchOpened', aggregateId: 'batch-1', data: { count: 10, agentId: 'agent-1', profileId: 'profile-1' } });
    expect((shape?.data as { customers: unknown[] }).customers[0]).toEqual({ customerId: 'customer-0', accountNumber: '1000000008' });
  });
});
