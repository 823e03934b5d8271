// Pure: what the agent form holds, its checks before sending, and the bodies of POST /agents and
// PATCH /agents/{id}. Amounts stay decimal strings; the API checks everything again (its field
// errors are shown next to the same inputs).
import { compareMoney, parseMoneyInput } from '@billing/portal-ui';
import type { Agent } from './agent-wire.js';

export interface AgentFormValues {
  name: string;
  contactEmail: string;
  /** text as typed, in the page language's marks (es "12,5"); normalised on send. */
  commissionPercent: string;
  rateSheetId: string;
  lowBalanceThreshold: string;
  maxCustomerCreditLimit: string;
  /** '' = the API's default (maxCustomerCreditLimit). */
  maxTotalCustomerCredit: string;
  customersMayAddCallerIds: boolean;
  username: string;
  password: string;
}

export type AgentFormMode = 'create' | 'edit';

/** An i18n key (under `agents.form.errors`) per field that cannot be sent as it is. */
export type AgentFormErrors = Partial<Record<keyof AgentFormValues, string>>;

export const emptyAgentValues: AgentFormValues = {
  name: '',
  contactEmail: '',
  commissionPercent: '',
  rateSheetId: '',
  lowBalanceThreshold: '0',
  maxCustomerCreditLimit: '0',
  maxTotalCustomerCredit: '',
  customersMayAddCallerIds: true,
  username: '',
  password: '',
};

export function valuesFromAgent(agent: Agent): AgentFormValues {
  return {
    name: agent.name,
    contactEmail: agent.contactEmail,
    commissionPercent: agent.commissionPercent,
    rateSheetId: agent.rateSheetId,
    lowBalanceThreshold: agent.lowBalanceThreshold,
    maxCustomerCreditLimit: agent.maxCustomerCreditLimit,
    maxTotalCustomerCredit: agent.maxTotalCustomerCredit,
    customersMayAddCallerIds: agent.customersMayAddCallerIds,
    username: agent.username ?? '',
    password: '',
  };
}

const MONEY_FIELDS = ['lowBalanceThreshold', 'maxCustomerCreditLimit'] as const;

/** `locale`: the page's language, whose decimal mark the amounts are typed with (parseMoneyInput). */
export function validateAgentValues(values: AgentFormValues, mode: AgentFormMode, locale = 'en'): AgentFormErrors {
  const errors: AgentFormErrors = {};
  if (values.name.trim() === '') errors.name = 'required';
  if (values.contactEmail.trim() === '') errors.contactEmail = 'required';
  else if (!/^[^\s@]+@[^\s@]+$/.test(values.contactEmail.trim())) errors.contactEmail = 'email';
  const percent = parseMoneyInput(values.commissionPercent, locale);
  if (values.commissionPercent.trim() === '') errors.commissionPercent = 'required';
  else if (percent === null || compareMoney(percent, '100') > 0) errors.commissionPercent = 'percent';
  if (values.rateSheetId === '') errors.rateSheetId = 'required';
  for (const field of MONEY_FIELDS) {
    if (values[field].trim() !== '' && parseMoneyInput(values[field], locale) === null) errors[field] = 'amount';
  }
  if (values.maxTotalCustomerCredit.trim() !== '' && parseMoneyInput(values.maxTotalCustomerCredit, locale) === null) errors.maxTotalCustomerCredit = 'amount';
  if (mode === 'create') {
    if (values.username.trim().length < 3) errors.username = 'username';
    if (values.password.length < 10) errors.password = 'password';
  }
  return errors;
}

const money = (text: string, locale: string): string => parseMoneyInput(text, locale) ?? text.trim();

/** POST /agents body (call only when validateAgentValues found nothing). */
export function createAgentBody(values: AgentFormValues, locale = 'en') {
  return {
    name: values.name.trim(),
    contactEmail: values.contactEmail.trim(),
    commissionPercent: money(values.commissionPercent, locale),
    rateSheetId: values.rateSheetId,
    lowBalanceThreshold: values.lowBalanceThreshold.trim() === '' ? '0' : money(values.lowBalanceThreshold, locale),
    maxCustomerCreditLimit: values.maxCustomerCreditLimit.trim() === '' ? '0' : money(values.maxCustomerCreditLimit, locale),
    ...(values.maxTotalCustomerCredit.trim() === '' ? {} : { maxTotalCustomerCredit: money(values.maxTotalCustomerCredit, locale) }),
    customersMayAddCallerIds: values.customersMayAddCallerIds,
    username: values.username.trim(),
    password: values.password,
  };
}

export type AgentChange = Partial<Omit<ReturnType<typeof createAgentBody>, 'username' | 'password'>>;

/** PATCH /agents/{id} body: only what changed (the API wants at least one field; {} = nothing to send). */
export function changeAgentBody(values: AgentFormValues, original: Agent, locale = 'en'): AgentChange {
  const next = createAgentBody(values, locale);
  const change: AgentChange = {};
  if (next.name !== original.name) change.name = next.name;
  if (next.contactEmail !== original.contactEmail) change.contactEmail = next.contactEmail;
  if (compareMoney(next.commissionPercent, original.commissionPercent) !== 0) change.commissionPercent = next.commissionPercent;
  if (next.rateSheetId !== original.rateSheetId) change.rateSheetId = next.rateSheetId;
  if (compareMoney(next.lowBalanceThreshold, original.lowBalanceThreshold) !== 0) change.lowBalanceThreshold = next.lowBalanceThreshold;
  if (compareMoney(next.maxCustomerCreditLimit, original.maxCustomerCreditLimit) !== 0) change.maxCustomerCreditLimit = next.maxCustomerCreditLimit;
  if (next.maxTotalCustomerCredit !== undefined && compareMoney(next.maxTotalCustomerCredit, original.maxTotalCustomerCredit) !== 0) {
    change.maxTotalCustomerCredit = next.maxTotalCustomerCredit;
  }
  if (next.customersMayAddCallerIds !== original.customersMayAddCallerIds) change.customersMayAddCallerIds = next.customersMayAddCallerIds;
  return change;
}
