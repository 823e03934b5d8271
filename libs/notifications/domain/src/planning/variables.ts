// Everything a template may show, as strings formatted for the chosen language. Every template
// gets every common key (empty when it does not apply), so templates can be rendered strictly:
// a misspelt placeholder fails the test of its template instead of printing nothing.
import type { Recipient, RecipientView } from '../recipients/recipient.js';
import { displayInstant, displayMoney } from '../shared/display.js';
import type { NotificationTarget } from './targets.js';

export interface VariablesInput {
  target: NotificationTarget;
  holder: RecipientView;
  related: Recipient | undefined;
  language: string;
  occurredAt: string;
  portalUrl: string;
  currency: string;
}

export function templateVariables(input: VariablesInput): Record<string, string> {
  const { target, holder, related, language } = input;
  const amounts = Object.fromEntries(Object.entries(target.amounts).map(([key, decimal]) => [key, displayMoney(decimal, language)]));
  return {
    name: holder.name ?? '',
    email: holder.email ?? '',
    accountNumber: holder.accountNumber ?? '',
    agentName: holder.agentName ?? '',
    isAgent: holder.holder.kind === 'agent' ? 'yes' : '',
    relatedAccountNumber: related?.accountNumber ?? '',
    portalUrl: input.portalUrl,
    currency: input.currency,
    date: displayInstant(input.occurredAt),
    ...target.texts,
    ...amounts,
  };
}
