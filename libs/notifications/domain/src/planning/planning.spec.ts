import type { AccountsIntegrationEventV1, WalletIntegrationEventV1 } from '@billing/contracts';
import { recipientChangeOf } from '../recipients/recipient-change.js';
import type { Recipient, RecipientView } from '../recipients/recipient.js';
import { requestFor, type RequestInput, type RequestSettings } from './request.js';
import { csvField, targetsOf, type NotificationTarget } from './targets.js';

const T0 = '2026-03-01T12:00:00.000Z';
const audited = { actor: 'admin:ops', occurredAt: T0 };
const holder = (kind: 'agent-main' | 'customer') =>
  kind === 'customer' ? { accountKind: kind, agentId: 'a-1', customerId: 'c-1' } : { accountKind: kind, agentId: 'a-1', customerId: null };

const lowBalance = (kind: 'agent-main' | 'customer'): WalletIntegrationEventV1 => ({
  type: 'wallet.LowBalanceCrossed',
  data: { ...holder(kind), balance: '4.5', threshold: '5' },
});

describe('targetsOf', () => {
  const settings = { batchMail: false };

  it('alerts the customer, or the agent for its main balance, on a low-balance crossing', () => {
    expect(targetsOf(lowBalance('customer'), settings)).toEqual([
      { kind: 'low-balance', holder: { kind: 'customer', id: 'c-1' }, related: null, honoursOptOut: true, amounts: { balance: '4.5', threshold: '5' }, texts: {} },
    ]);
    expect(targetsOf(lowBalance('agent-main'), settings)[0]?.holder).toEqual({ kind: 'agent', id: 'a-1' });
  });

  it('sends a receipt to whoever paid: the holder of a deposit, the agent of a transfer', () => {
    const deposit: WalletIntegrationEventV1 = {
      type: 'wallet.FundsDeposited',
      data: { depositId: 'd-1', ...holder('customer'), amount: '20', commission: '2', source: 'card', reference: null, paymentIntentId: 'pi_1', balanceAfter: '24.5', actor: 'customer:c-1' },
    };
    expect(targetsOf(deposit, settings)).toEqual([
      expect.objectContaining({ kind: 'deposit-receipt', holder: { kind: 'customer', id: 'c-1' }, honoursOptOut: false, texts: { depositId: 'd-1', byCard: 'yes', reference: '' } }),
    ]);
    expect(targetsOf({ ...deposit, data: { ...deposit.data, source: 'initial' } } as WalletIntegrationEventV1, settings)).toEqual([]);
    const transfer: WalletIntegrationEventV1 = {
      type: 'wallet.FundsTransferred',
      data: { transferId: 't-1', agentId: 'a-1', customerId: 'c-1', amount: '10', agentBalanceAfter: '90', actor: 'agent:a-1' },
    };
    expect(targetsOf(transfer, settings)).toEqual([
      expect.objectContaining({ kind: 'transfer-receipt', holder: { kind: 'agent', id: 'a-1' }, related: { kind: 'customer', id: 'c-1' }, amounts: { amount: '10', balanceAfter: '90' } }),
    ]);
  });

  it('sends a commission statement line when commission is moved', () => {
    const moved: WalletIntegrationEventV1 = {
      type: 'wallet.CommissionTransferred',
      data: { commissionTransferId: 'ct-1', agentId: 'a-1', amount: '3.25', commissionBalanceAfter: '0', actor: 'agent:a-1' },
    };
    expect(targetsOf(moved, settings)).toEqual([expect.objectContaining({ kind: 'commission-statement', holder: { kind: 'agent', id: 'a-1' } })]);
  });

  it('tells a customer it was suspended, and nothing on reactivation', () => {
    const suspended: AccountsIntegrationEventV1 = { type: 'accounts.CustomerStatusChanged', data: { customerId: 'c-1', status: 'suspended', reason: 'unpaid', ...audited } };
    expect(targetsOf(suspended, settings)).toEqual([expect.objectContaining({ kind: 'account-suspended', texts: { reason: 'unpaid' } })]);
    expect(targetsOf({ ...suspended, data: { ...suspended.data, status: 'active', reason: null } } as AccountsIntegrationEventV1, settings)).toEqual([]);
  });

  it('mails a batch to its agent only when configured, and never with credentials', () => {
    const customers = Array.from({ length: 10 }, (_, i) => ({ customerId: `c-${i}`, accountNumber: `100000000${i}` }));
    const batch: AccountsIntegrationEventV1 = { type: 'accounts.BatchOpened', data: { batchId: 'b-1', profileId: 'p-1', agentId: 'a-1', count: 10, customers, ...audited } };
    expect(targetsOf(batch, { batchMail: false })).toEqual([]);
    const [mail] = targetsOf(batch, { batchMail: true });
    expect(mail?.holder).toEqual({ kind: 'agent', id: 'a-1' });
    expect(mail?.texts.accountsCsv?.split('\r\n').slice(0, 2)).toEqual(['account_number,customer_id', '1000000000,c-0']);
    expect(targetsOf({ ...batch, data: { ...batch.data, agentId: null } } as AccountsIntegrationEventV1, { batchMail: true })).toEqual([]);
  });

  it('ignores everything else', () => {
    const hold: WalletIntegrationEventV1 = { type: 'wallet.HoldReleased', data: { customerId: 'c-1', agentId: 'a-1', callId: 'call-1', held: '1' } };
    expect(targetsOf(hold, settings)).toEqual([]);
  });

  it('writes CSV fields a spreadsheet cannot mistake for formulas or columns', () => {
    expect(['plain', 'a,b', 'say "hi"', '=SUM(A1)', '-1'].map(csvField)).toEqual(['plain', '"a,b"', '"say ""hi"""', "'=SUM(A1)", "'-1"]);
  });
});

describe('recipientChangeOf', () => {
  it('projects customers with their e-mail, language, opt-in and agent', () => {
    const opened = {
      type: 'accounts.CustomerOpened',
      data: { customerId: 'c-1', accountNumber: '1000000009', agentId: 'a-1', contactEmail: 'jane@example.com', language: 'es-MX', lowBalanceEmailEnabled: true },
    } as unknown as AccountsIntegrationEventV1;
    expect(recipientChangeOf(opened)).toEqual({
      type: 'upsert',
      recipient: { holder: { kind: 'customer', id: 'c-1' }, email: 'jane@example.com', language: 'es-MX', lowBalanceEmailEnabled: true, name: null, accountNumber: '1000000009', agentId: 'a-1' },
    });
    const changed: AccountsIntegrationEventV1 = {
      type: 'accounts.CustomerSettingsChanged',
      data: { customerId: 'c-1', lowBalanceThreshold: '5', contactEmail: null, language: 'en', lowBalanceEmailEnabled: false, ...audited },
    };
    expect(recipientChangeOf(changed)).toEqual({ type: 'update', holder: { kind: 'customer', id: 'c-1' }, fields: { email: null, language: 'en', lowBalanceEmailEnabled: false } });
  });

  it('projects agents in English (accounts v1 publishes no agent language)', () => {
    const registered = {
      type: 'accounts.AgentRegistered',
      data: { agentId: 'a-1', name: 'Acme', contactEmail: 'ops@acme.example' },
    } as unknown as AccountsIntegrationEventV1;
    expect(recipientChangeOf(registered)).toMatchObject({ type: 'upsert', recipient: { holder: { kind: 'agent', id: 'a-1' }, language: 'en', name: 'Acme' } });
    const contact: AccountsIntegrationEventV1 = { type: 'accounts.AgentContactChanged', data: { agentId: 'a-1', name: 'Acme Ltd', contactEmail: 'billing@acme.example', ...audited } };
    expect(recipientChangeOf(contact)).toEqual({ type: 'update', holder: { kind: 'agent', id: 'a-1' }, fields: { name: 'Acme Ltd', email: 'billing@acme.example' } });
  });

  it('ignores events that change no recipient', () => {
    expect(recipientChangeOf({ type: 'accounts.CustomerStatusChanged', data: { customerId: 'c-1', status: 'suspended', reason: null, ...audited } })).toBeNull();
  });
});

describe('requestFor', () => {
  const settings: RequestSettings = { mailEnabled: true, portalUrl: 'https://portal.itc.example', currency: 'USD', maxEventAgeMs: 86_400_000, languages: ['en', 'es'] };
  const customer: RecipientView = {
    holder: { kind: 'customer', id: 'c-1' },
    email: 'jane@example.com',
    language: 'es-MX',
    lowBalanceEmailEnabled: true,
    name: null,
    accountNumber: '1000000009',
    agentId: 'a-1',
    agentName: 'Acme <b>',
  };
  const [target] = targetsOf(lowBalance('customer'), { batchMail: false }) as [NotificationTarget];
  const input = (changes: Partial<RequestInput> = {}): RequestInput => ({
    target,
    source: { eventId: 'e-1', type: 'wallet.LowBalanceCrossed', occurredAt: T0 },
    holder: customer,
    related: undefined,
    notificationId: 'n-1',
    now: T0,
    ...changes,
  });
  const skipOf = (changes: Partial<RequestInput>, s = settings) => {
    const plan = requestFor(input(changes), s);
    return plan.ok ? plan.command.skip : 'unknown';
  };

  it('addresses the holder in its language with formatted variables', () => {
    const plan = requestFor(input(), settings);
    expect(plan).toEqual({
      ok: true,
      command: {
        type: 'RequestNotification',
        notificationId: 'n-1',
        dedupeKey: 'e-1/low-balance/customer:c-1',
        kind: 'low-balance',
        holder: { kind: 'customer', id: 'c-1' },
        email: 'jane@example.com',
        language: 'es',
        variables: {
          name: '',
          email: 'jane@example.com',
          accountNumber: '1000000009',
          agentName: 'Acme <b>',
          isAgent: '',
          relatedAccountNumber: '',
          portalUrl: 'https://portal.itc.example',
          currency: 'USD',
          date: '2026-03-01 12:00 UTC',
          balance: '4,50',
          threshold: '5,00',
        },
        source: { eventId: 'e-1', type: 'wallet.LowBalanceCrossed', occurredAt: T0 },
        skip: null,
        now: T0,
      },
    });
  });

  it('records why a notification is not sent', () => {
    expect(skipOf({ holder: { ...customer, email: null } })).toBe('no-email');
    expect(skipOf({ holder: { ...customer, email: 'a@b.com, c@d.com' } })).toBe('invalid-email');
    expect(skipOf({ holder: { ...customer, lowBalanceEmailEnabled: false } })).toBe('opted-out');
    expect(skipOf({ now: '2026-03-03T12:00:00.000Z' })).toBe('stale');
    expect(skipOf({}, { ...settings, mailEnabled: false })).toBe('mail-disabled');
  });

  it('says which holder is not known yet (its accounts events are still on the way)', () => {
    expect(requestFor(input({ holder: undefined }), settings)).toEqual({ ok: false, unknown: { kind: 'customer', id: 'c-1' } });
    const related: Recipient = { ...customer, holder: { kind: 'customer', id: 'c-2' } };
    const transfer: NotificationTarget = { ...target, kind: 'transfer-receipt', related: { kind: 'customer', id: 'c-2' } };
    expect(requestFor(input({ target: transfer }), settings)).toEqual({ ok: false, unknown: { kind: 'customer', id: 'c-2' } });
    expect(requestFor(input({ target: transfer, related }), settings).ok).toBe(true);
  });
});
