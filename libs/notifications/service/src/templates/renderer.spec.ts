import type { AccountsIntegrationEventV1, WalletIntegrationEventV1 } from '@billing/contracts';
import { NOTIFICATION_KINDS, requestFor, targetsOf, type Recipient, type RecipientView, type SourceEventV1 } from '@billing/notifications-domain';
import { TEMPLATE_LANGUAGES, TemplateError, TemplateRenderer } from './renderer.js';

const T0 = '2026-03-01T12:00:00.000Z';
const audited = { actor: 'admin:ops', occurredAt: T0 };
const agent: RecipientView = {
  holder: { kind: 'agent', id: 'a-1' },
  email: 'ops@acme.example',
  language: 'en',
  lowBalanceEmailEnabled: true,
  name: 'Smith & Sons <script>alert(1)</script>',
  accountNumber: null,
  agentId: null,
  agentName: null,
};
const customer: RecipientView = {
  holder: { kind: 'customer', id: 'c-1' },
  email: "o'neil&co@example.org",
  language: 'es',
  lowBalanceEmailEnabled: true,
  name: null,
  accountNumber: '1000000009',
  agentId: 'a-1',
  agentName: agent.name,
};

const events: SourceEventV1[] = [
  { type: 'wallet.LowBalanceCrossed', data: { accountKind: 'customer', agentId: 'a-1', customerId: 'c-1', balance: '4.5', threshold: '5' } },
  { type: 'wallet.LowBalanceCrossed', data: { accountKind: 'agent-main', agentId: 'a-1', customerId: null, balance: '-2', threshold: '100' } },
  {
    type: 'wallet.FundsDeposited',
    data: { depositId: 'd-1', accountKind: 'customer', agentId: 'a-1', customerId: 'c-1', amount: '20', commission: '2', source: 'manual', reference: 'wire <42>', paymentIntentId: null, balanceAfter: '24.5', actor: 'admin:ops' },
  },
  { type: 'wallet.FundsTransferred', data: { transferId: 't-1', agentId: 'a-1', customerId: 'c-1', amount: '10', agentBalanceAfter: '90', actor: 'agent:a-1' } },
  { type: 'wallet.CommissionTransferred', data: { commissionTransferId: 'ct-1', agentId: 'a-1', amount: '3.25', commissionBalanceAfter: '0', actor: 'agent:a-1' } },
  { type: 'accounts.CustomerStatusChanged', data: { customerId: 'c-1', status: 'suspended', reason: 'unpaid & overdue', ...audited } },
  {
    type: 'accounts.BatchOpened',
    data: { batchId: 'b-1', profileId: 'p-1', agentId: 'a-1', count: 10, customers: Array.from({ length: 10 }, (_, i) => ({ customerId: `c-${i}`, accountNumber: `100000000${i}` })), ...audited },
  },
] satisfies (WalletIntegrationEventV1 | AccountsIntegrationEventV1)[];

const recipients = new Map<string, RecipientView>([
  ['agent:a-1', agent],
  ['customer:c-1', customer],
]);

/** The variables the service would record for `event`, in `language`. */
function variablesFor(event: SourceEventV1, language: string) {
  return targetsOf(event, { batchMail: true }).map((target) => {
    const holder = { ...recipients.get(`${target.holder.kind}:${target.holder.id}`)!, language };
    const related: Recipient | undefined = target.related === null ? undefined : recipients.get(`${target.related.kind}:${target.related.id}`);
    const plan = requestFor(
      { target, holder, related, source: { eventId: 'e-1', type: event.type, occurredAt: T0 }, notificationId: 'n-1', now: T0 },
      { mailEnabled: true, portalUrl: 'https://portal.itc.example/?a=1&b=2', currency: 'USD', maxEventAgeMs: 86_400_000, languages: TEMPLATE_LANGUAGES },
    );
    if (!plan.ok) throw new Error('unknown recipient in the fixture');
    return plan.command;
  });
}

const renderer = new TemplateRenderer();

describe('templates', () => {
  it('exist in English and Spanish for every kind', () => {
    expect(TEMPLATE_LANGUAGES).toEqual(['en', 'es']);
    const covered = new Set(events.flatMap((event) => targetsOf(event, { batchMail: true }).map((t) => t.kind)));
    expect([...covered].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  describe.each(TEMPLATE_LANGUAGES)('in %s', (language) => {
    it.each(events.map((event, i) => [`${event.type} #${i}`, event] as const))('renders %s completely', (_name, event) => {
      for (const command of variablesFor(event, language)) {
        const mail = renderer.render(command.kind, command.language, command.variables);
        expect(command.language).toBe(language);
        expect(mail.subject).not.toMatch(/[\r\n]|undefined|\{\{/);
        expect(mail.subject.length).toBeGreaterThan(10);
        for (const body of [mail.text, mail.html]) expect(body).not.toMatch(/undefined|\[object|\{\{|\}\}/);
        expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${language}">`));
      }
    });
  });

  it('escapes variables in HTML and leaves the text part as written', () => {
    const [command] = variablesFor(events[1]!, 'en');
    const mail = renderer.render(command!.kind, command!.language, command!.variables);
    expect(mail.html).toContain('Hello Smith &amp; Sons &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="https://portal.itc.example/?a&#x3D;1&amp;b&#x3D;2"');
    expect(mail.text).toContain('Hello Smith & Sons <script>alert(1)</script>,');
    expect(mail.text).toContain('-2.00 USD, below your low-balance threshold of 100.00 USD');
  });

  it('writes Spanish with decimal commas and escapes the customer e-mail in HTML', () => {
    const [command] = variablesFor(events[0]!, 'es');
    const mail = renderer.render(command!.kind, command!.language, command!.variables);
    expect(mail.subject).toBe('Saldo bajo en la cuenta 1000000009');
    expect(mail.text).toContain('El saldo de su cuenta 1000000009 es 4,50 USD, por debajo de su umbral de saldo bajo de 5,00 USD.');
    expect(mail.text).toContain("activados para o'neil&co@example.org");
    expect(mail.html).toContain('activados para o&#x27;neil&amp;co@example.org');
  });

  it('keeps a subject on one line whatever a variable holds', () => {
    const mail = renderer.render('account-suspended', 'en', { ...variablesFor(events[5]!, 'en')[0]!.variables, accountNumber: '1\r\nBcc: x@y.z' });
    expect(mail.subject).toBe('Account 1 Bcc: x@y.z suspended');
  });

  it('fails loudly on a missing variable instead of printing nothing', () => {
    expect(() => renderer.render('low-balance', 'en', { isAgent: '' })).toThrow(TemplateError);
    expect(() => renderer.render('low-balance', 'fr', {})).toThrow('template low-balance/fr: no such template');
  });
});
