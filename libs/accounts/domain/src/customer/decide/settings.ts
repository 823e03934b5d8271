import { rejections } from '../../rejections.js';
import { auditOf } from '../../shared/command-meta.js';
import { checkEmail, checkThreshold } from '../../shared/checks.js';
import { spokenLanguage } from '../../validation/language.js';
import type { ChangeCustomerSettings } from '../customer.commands.js';
import type { CustomerEvent } from '../customer.events.js';
import type { CustomerSettings, CustomerState } from '../customer.state.js';
import { changeable } from './guards.js';

export function changeCustomerSettings(command: ChangeCustomerSettings, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const { changes } = command;
  const next: CustomerSettings = {
    lowBalanceThresholdMicros: changes.lowBalanceThresholdMicros === undefined ? customer.lowBalanceThresholdMicros : checkThreshold(changes.lowBalanceThresholdMicros),
    contactEmail: changes.contactEmail === undefined ? customer.contactEmail : changes.contactEmail === null ? null : checkEmail(changes.contactEmail),
    language: changes.language === undefined ? customer.language : (spokenLanguage(changes.language) ?? reject(rejections.invalidLanguage())),
    lowBalanceEmailEnabled: changes.lowBalanceEmailEnabled ?? customer.lowBalanceEmailEnabled,
  };
  const unchanged = (Object.keys(next) as (keyof CustomerSettings)[]).every((key) => next[key] === customer[key]);
  if (unchanged) return [];
  return [{ type: 'CustomerSettingsChanged', customerId: customer.customerId, ...next, ...auditOf(command.meta) }];
}

function reject(error: Error): never {
  throw error;
}
