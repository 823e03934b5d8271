// Every way the wallet says no, with its stable code and HTTP status (422 = the input breaks a
// rule, 409 = the current state forbids it, 404 = no such account or deposit). The specs assert
// the exact message and code; the gateway maps them to problem+json.
import { RejectedCommand } from '@billing/decider';
import { formatMoney } from '@billing/money';
import { MAX_ID_CHARS } from './shared/limits.js';

const invalid = (message: string, code: string) => new RejectedCommand(message, code, 422);
const conflict = (message: string, code: string, details?: Record<string, unknown>) => new RejectedCommand(message, code, 409, details);
/** insufficient_funds (and insufficient_commission) say how much there is: `available` (a decimal string) in the message and the answer. */
const insufficient = (whose: string, availableMicros: bigint) =>
  conflict(`insufficient ${whose} balance: ${formatMoney(availableMicros)} available`, 'insufficient_funds', { available: formatMoney(availableMicros) });
const notFound = (message: string, code: string) => new RejectedCommand(message, code, 404);

export const rejections = {
  // input
  invalidId: (field: string) => invalid(`${field} must be 1 to ${MAX_ID_CHARS} characters without surrounding spaces`, 'invalid_id'),
  amountNotPositive: () => invalid('amount must be positive', 'invalid_amount'),
  costNegative: () => invalid('cost must not be negative', 'invalid_amount'),
  invalidCommission: () => invalid('commission must be between 0 and 100 percent', 'invalid_commission'),
  commissionWithoutAgent: () => invalid('an ITC-direct customer earns no commission: the rate must be 0', 'invalid_commission'),
  invalidThreshold: () => invalid('low-balance threshold must not be negative', 'invalid_low_balance_threshold'),
  invalidCreditLimit: () => invalid('credit limit must not be negative', 'invalid_credit_limit'),
  creditLimitNotAllowed: () => invalid('a prepaid account has no credit limit', 'credit_limit_not_allowed'),
  notPostpaid: () => invalid('credit limit applies to postpaid customers only', 'not_postpaid'),
  noThresholdOnCommission: () => invalid('a commission account has no low-balance threshold', 'invalid_account'),
  invalidReference: () => invalid(`reference must be 1 to ${MAX_ID_CHARS} characters without surrounding spaces`, 'invalid_reference'),
  invalidExpiry: () => invalid('hold expiry must be an ISO 8601 instant after now', 'invalid_expiry'),

  // accounts
  agentAccountNotFound: () => notFound('agent account not found', 'account_not_found'),
  commissionAccountNotFound: () => notFound('agent commission account not found', 'account_not_found'),
  customerAccountNotFound: () => notFound('customer account not found', 'account_not_found'),
  agentAccountClosed: () => conflict('agent account is closed', 'account_closed'),
  commissionAccountClosed: () => conflict('agent commission account is closed', 'account_closed'),
  customerAccountClosed: () => conflict('customer account is closed', 'account_closed'),
  customerOfAnotherAgent: () => notFound('customer does not belong to this agent', 'customer_not_of_agent'),
  customerExistsForAnotherAgent: () => conflict('customer account already opened for another agent', 'account_exists'),

  // money
  insufficientAgentBalance: (availableMicros: bigint) => insufficient('agent', availableMicros),
  insufficientCustomerBalance: (availableMicros: bigint) => insufficient('customer', availableMicros),
  // README.md, "Debt": an account a fact took below its floor authorizes and sends nothing until paid
  customerInDebt: () => conflict('customer account is in debt: a deposit must cover the debt first', 'in_debt'),
  agentInDebt: () => conflict('agent account is in debt: a deposit must cover the debt first', 'in_debt'),
  noCommission: () => conflict('no commission available', 'no_commission'),
  insufficientCommission: (availableMicros: bigint) =>
    conflict(`insufficient commission balance: ${formatMoney(availableMicros)} available`, 'insufficient_commission', { available: formatMoney(availableMicros) }),
  depositNotFound: () => notFound('deposit not found', 'deposit_not_found'),
  callAlreadyCharged: () => conflict('call already charged', 'call_already_charged'),

  // idempotency: the same id with other details is a second, different request
  depositIdReused: () => conflict('deposit id already used for another deposit', 'id_reused'),
  transferIdReused: () => conflict('transfer id already used for another transfer', 'id_reused'),
  reservationReused: () => conflict('an initial balance of another amount is already reserved for this customer', 'id_reused'),
  commissionTransferIdReused: () => conflict('commission transfer id already used for another amount', 'id_reused'),
} as const;
