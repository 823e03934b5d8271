// Every way the accounts context says no, with its stable code and HTTP status (422 = the input
// breaks a rule, 409 = the current state forbids it, 404 = no such aggregate). The gateway maps
// RejectedCommand to problem+json from these; the specs assert the exact message and code.
import { RejectedCommand } from '@billing/decider';
import {
  MAX_BATCH_CUSTOMERS,
  MAX_CALL_DURATION_SECONDS,
  MAX_CALLER_IDS,
  MAX_CONCURRENT_CALLS,
  MAX_FOLLOW_ME_TARGETS,
  MAX_NAME_CHARS,
  MAX_REASON_CHARS,
  MAX_RING_SECONDS,
  MIN_BATCH_CUSTOMERS,
  MIN_CALL_DURATION_SECONDS,
  MIN_CONCURRENT_CALLS,
  MIN_RING_SECONDS,
} from './shared/limits.js';

const invalid = (message: string, code: string) => new RejectedCommand(message, code, 422);
const conflict = (message: string, code: string) => new RejectedCommand(message, code, 409);
const notFound = (message: string, code: string) => new RejectedCommand(message, code, 404);
/** 403: the input is fine, but this actor may not do it. */
const forbidden = (message: string, code: string) => new RejectedCommand(message, code, 403);
/**
 * Refusals of the checks the service runs before any command is decided (the agent billing
 * policy, a sheet rating does not know): `decided: false`, so an Idempotency-Key does not keep
 * them and a retry with the same key runs again.
 */
const checked = (message: string, code: string, status: 403 | 422) => new RejectedCommand(message, code, status, {}, false);

const INTERNATIONAL = 'an international number: + and 8 to 15 digits';

export const rejections = {
  // input shapes shared by every aggregate
  invalidName: () => invalid(`name must be 1 to ${MAX_NAME_CHARS} characters`, 'invalid_name'),
  /** a name that must be distinct (a customer profile's): docs/API.md §1, Names. */
  invalidDistinctName: () => invalid(`name must be 1 to ${MAX_NAME_CHARS} characters without invisible (control or format) characters`, 'invalid_name'),
  invalidReason: () => invalid(`reason must be at most ${MAX_REASON_CHARS} characters`, 'invalid_reason'),
  invalidEmail: () => invalid('contact e-mail is not a valid address', 'invalid_email'),
  invalidUsername: () => invalid('username must be 3 to 64 characters: lowercase letters, digits and . _ @ -', 'invalid_username'),
  invalidRateSheet: () => invalid('rate sheet must be a rate sheet id', 'invalid_rate_sheet'),
  rateSheetNotFound: (sheetId: string) => checked(`rate sheet "${sheetId}" does not exist: import it (POST /rate-sheets) or derive it first`, 'rate_sheet_not_found', 422),
  /** an agent's answer: it cannot import a sheet, and a sheet it may not see "does not exist" to it. */
  rateSheetNotFoundForAgent: (sheetId: string) =>
    checked(`rate sheet "${sheetId}" does not exist: use the sheet ITC assigned to you, or one you derived from it (POST /rate-sheets/{id}/derived)`, 'rate_sheet_not_found', 422),
  invalidLowBalanceThreshold: () => invalid('low-balance threshold must not be negative', 'invalid_low_balance_threshold'),
  invalidLanguage: () => invalid('language must be "en" or "es" (or a regional form such as "es-MX"): the languages of the e-mails and the portal', 'invalid_language'),

  // billing terms (profiles, customers, batches)
  invalidBillingType: () => invalid('billing type must be prepaid or postpaid', 'invalid_billing_type'),
  creditLimitNotAllowed: () => invalid('a prepaid account has no credit limit', 'credit_limit_not_allowed'),
  creditLimitRequired: () => invalid('a postpaid account needs a credit limit', 'credit_limit_required'),
  invalidCreditLimit: () => invalid('credit limit must not be negative', 'invalid_credit_limit'),
  invalidInitialBalance: () => invalid('initial balance must not be negative', 'invalid_initial_balance'),
  invalidMaxConcurrentCalls: () =>
    invalid(`max concurrent calls must be a whole number from ${MIN_CONCURRENT_CALLS} to ${MAX_CONCURRENT_CALLS}`, 'invalid_max_concurrent_calls'),
  invalidMaxCallDuration: () =>
    invalid(
      `max call duration must be a whole number of seconds from ${MIN_CALL_DURATION_SECONDS} to ${MAX_CALL_DURATION_SECONDS}`,
      'invalid_max_call_duration',
    ),

  // agents
  agentNotFound: () => notFound('agent not found', 'agent_not_found'),
  agentExists: () => conflict('agent already registered', 'agent_exists'),
  agentSuspended: () => conflict('agent is suspended', 'agent_suspended'),
  invalidCommission: () => invalid('commission must be between 0 and 100 percent', 'invalid_commission'),
  invalidMaxCustomerCreditLimit: () => invalid("the agent's maximum customer credit limit must not be negative", 'invalid_max_customer_credit_limit'),
  invalidMaxTotalCustomerCredit: () => invalid("the agent's maximum total customer credit must not be negative", 'invalid_max_total_customer_credit'),
  itcOnly: (what: string) => forbidden(`${what} is set by ITC only`, 'itc_only'),
  notThisAgent: () => forbidden('an agent changes only its own contact details', 'not_this_agent'),

  // what an agent may give its customers (policy/agent-billing-policy.ts)
  billingTermsNotAllowed: () =>
    checked("only ITC and the customer's agent set a customer's rate sheet or credit limit", 'billing_terms_not_allowed', 403),
  rateSheetNotAllowed: (sheetId: string, agentSheetId: string) =>
    checked(
      `rate sheet "${sheetId}" is not yours to bill with: use the sheet ITC assigned to you ("${agentSheetId}") or a sheet you derived from it at a markup of at least 0`,
      'rate_sheet_not_allowed',
      403,
    ),
  rateSheetBelowCost: (sheetId: string, markupPercent: string) =>
    checked(
      `rate sheet "${sheetId}" sells below the sheet ITC assigned to you (markup ${markupPercent} %): an agent's markup must be at least 0`,
      'rate_sheet_below_cost',
      403,
    ),
  creditLimitAboveAgentMaximum: (creditLimit: string, maximum: string) =>
    checked(`credit limit ${creditLimit} is above the ${maximum} ITC allows this agent to grant a customer`, 'credit_limit_above_agent_maximum', 403),
  agentCreditTotalExceeded: (creditLimit: string, available: string, maximum: string) =>
    new RejectedCommand(
      `credit limit ${creditLimit} is above the ${available} left of the ${maximum} ITC allows this agent's open postpaid customers together`,
      'agent_credit_total_exceeded',
      403,
      { available },
      false,
    ),

  // customer profiles
  profileNotFound: () => notFound('profile not found', 'profile_not_found'),
  profileExists: () => conflict('profile already exists', 'profile_exists'),
  profileArchived: () => conflict('profile is archived', 'profile_archived'),
  profileNameTaken: (taken: { profileId: string; name: string }) =>
    conflict(`a profile named "${taken.name}" already exists (profile ${taken.profileId}): choose another name`, 'name_taken'),
  profileOwnerMismatch: () => invalid('profile belongs to another agent', 'profile_owner_mismatch'),
  rateSheetRequired: () => invalid('an ITC-direct customer needs a profile with its own rate sheet', 'rate_sheet_required'),

  // customers
  customerNotFound: () => notFound('customer not found', 'customer_not_found'),
  customerExists: () => conflict('customer already opened', 'customer_exists'),
  customerClosed: () => conflict('customer is closed', 'customer_closed'),
  closedCannotBeReactivated: () => conflict('a closed customer cannot be reactivated', 'customer_closed'),
  invalidAccountNumber: () => invalid('account number must be 10 digits with a valid check digit', 'invalid_account_number'),
  invalidSipUsername: () => invalid('SIP username must be 3 to 32 characters: lowercase letters, digits and . _ -', 'invalid_sip_username'),
  invalidSipHa1: () => invalid('SIP HA1 must be 32 lowercase hex digits', 'invalid_sip_ha1'),
  agentFundingWithoutAgent: () =>
    invalid('an ITC-direct customer cannot be funded from an agent balance', 'invalid_initial_balance_source'),
  initialBalanceNotCovered: (initial: string, available: string) =>
    new RejectedCommand(`insufficient agent balance: the initial balance ${initial} needs more than the ${available} the agent has available`, 'insufficient_funds', 409, {
      available,
    }),
  invalidCallerId: () => invalid(`caller ID must be ${INTERNATIONAL}`, 'invalid_caller_id'),
  callerIdsFull: () => conflict(`a customer may have at most ${MAX_CALLER_IDS} caller IDs`, 'caller_ids_full'),
  callerIdNotFound: () => invalid("the default caller ID must be one of the customer's caller IDs", 'caller_id_not_found'),
  callerIdNotApproved: () => invalid('the caller ID is still waiting for approval: only an approved number can be the default', 'caller_id_not_approved'),
  callerIdNotPending: () => invalid('the caller ID is not waiting for approval: add it first', 'caller_id_not_pending'),
  callerIdAlreadyApproved: () => conflict('the caller ID is already approved: remove it instead', 'caller_id_already_approved'),
  callerIdSelfServiceDisabled: () => forbidden("this customer's agent does not let its customers add caller IDs: ask the agent", 'caller_id_self_service_disabled'),
  callerIdApprovalNotAllowed: () => forbidden("caller IDs are approved by the customer's agent or ITC", 'caller_id_approval_not_allowed'),
  tooManyFollowMeTargets: () => invalid(`FollowMe takes at most ${MAX_FOLLOW_ME_TARGETS} targets`, 'follow_me_too_many_targets'),
  invalidFollowMeDestination: (index: number, destination: string) =>
    invalid(`FollowMe targets[${index}]: destination ${JSON.stringify(destination.slice(0, 40))} must be ${INTERNATIONAL}`, 'invalid_follow_me_destination'),
  invalidRingSeconds: (index: number) =>
    invalid(`FollowMe targets[${index}]: ring time must be a whole number of seconds from ${MIN_RING_SECONDS} to ${MAX_RING_SECONDS}`, 'invalid_ring_seconds'),
  duplicateFollowMeDestination: () => invalid('FollowMe destinations must be distinct', 'duplicate_follow_me_destination'),
  followMeEmpty: () => invalid('FollowMe needs at least one target to be enabled', 'follow_me_empty'),

  // batches
  invalidBatchCount: () => invalid('batch count must be a whole number', 'invalid_batch_count'),
  batchTooSmall: () => invalid(`a batch must open at least ${MIN_BATCH_CUSTOMERS} customers`, 'batch_too_small'),
  batchTooLarge: () => invalid(`a batch may open at most ${MAX_BATCH_CUSTOMERS} customers`, 'batch_too_large'),
  batchCountMismatch: (listed: number, count: number) =>
    invalid(`batch lists ${listed} customers but its count is ${count}`, 'batch_count_mismatch'),
  batchDuplicate: (field: string, value: string) => invalid(`batch repeats the ${field} "${value}"`, 'batch_duplicate'),
  batchExists: () => conflict('batch already opened', 'batch_exists'),
} as const;
