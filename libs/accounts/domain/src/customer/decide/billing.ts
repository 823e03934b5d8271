// Rate sheet, credit limit and SIP password: single-value changes with the previous value kept
// in the event for the audit trail.
import { invariant } from '@billing/decider';
import { rejections } from '../../rejections.js';
import { auditOf } from '../../shared/command-meta.js';
import { checkRateSheetId } from '../../shared/checks.js';
import { creditLimitProblem } from '../../terms/billing-terms.js';
import { isSipHa1 } from '../../validation/credentials.js';
import type { ChangeCustomerCreditLimit, ChangeCustomerRateSheet, ChangeSipPassword } from '../customer.commands.js';
import type { CustomerEvent } from '../customer.events.js';
import type { CustomerState } from '../customer.state.js';
import { changeable } from './guards.js';

export function changeCustomerRateSheet(command: ChangeCustomerRateSheet, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const rateSheetId = checkRateSheetId(command.rateSheetId);
  if (rateSheetId === customer.rateSheetId) return [];
  return [{ type: 'CustomerRateSheetChanged', customerId: customer.customerId, previousRateSheetId: customer.rateSheetId, rateSheetId, ...auditOf(command.meta) }];
}

export function changeCustomerCreditLimit(command: ChangeCustomerCreditLimit, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const problem = creditLimitProblem(customer.billingType, command.creditLimitMicros);
  if (problem !== null) throw problem;
  const previousCreditLimitMicros = customer.creditLimitMicros;
  invariant(previousCreditLimitMicros !== null, `postpaid customer ${customer.customerId} has no credit limit`);
  if (command.creditLimitMicros === previousCreditLimitMicros) return [];
  return [
    {
      type: 'CustomerCreditLimitChanged',
      customerId: customer.customerId,
      previousCreditLimitMicros,
      creditLimitMicros: command.creditLimitMicros,
      ...auditOf(command.meta),
    },
  ];
}

export function changeSipPassword(command: ChangeSipPassword, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  if (!isSipHa1(command.sipHa1)) throw rejections.invalidSipHa1();
  if (command.sipHa1 === customer.sipHa1) return [];
  return [{ type: 'SipPasswordChanged', customerId: customer.customerId, sipHa1: command.sipHa1, ...auditOf(command.meta) }];
}
