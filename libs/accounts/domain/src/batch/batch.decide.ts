import { invariant } from '@billing/decider';
import { checkCredentials } from '../customer/customer-credentials.js';
import { checkCustomerTerms } from '../customer/customer-terms-check.js';
import { rejections } from '../rejections.js';
import { auditOf } from '../shared/command-meta.js';
import { MAX_BATCH_CUSTOMERS, MIN_BATCH_CUSTOMERS } from '../shared/limits.js';
import type { BatchCommand, BatchCustomer, OpenCustomerBatch } from './batch.commands.js';
import type { BatchEvent } from './batch.events.js';
import type { BatchState } from './batch.state.js';
import { openingFeatures } from '../features/features.decide.js';

export function decideBatch(command: BatchCommand, state: BatchState): BatchEvent[] {
  const audit = auditOf(command.meta);
  const customers = checkCustomers(command);
  if (command.initialBalanceSource === 'agent' && command.agentId === null) throw rejections.agentFundingWithoutAgent();
  const terms = checkCustomerTerms(command);
  if (state.status === 'opened') {
    invariant(state.batchId === command.batchId, `a command for batch ${command.batchId} was decided on batch ${state.batchId}`);
    // the same customer ids again = the same request retried.
    const retried = state.customerIds.length === customers.length && customers.every((customer, i) => customer.customerId === state.customerIds[i]);
    if (retried) return [];
    throw rejections.batchExists();
  }
  return [
    {
      type: 'BatchOpened',
      batchId: command.batchId,
      profileId: command.profileId,
      agentId: command.agentId,
      ...terms,
      initialBalanceSource: command.initialBalanceSource,
      count: customers.length,
      customers,
      ...(command.features === undefined ? {} : { features: openingFeatures(command.features) }),
      ...audit,
    },
  ];
}

function checkCustomers(command: OpenCustomerBatch): BatchCustomer[] {
  const { count } = command;
  if (!Number.isInteger(count)) throw rejections.invalidBatchCount();
  if (count < MIN_BATCH_CUSTOMERS) throw rejections.batchTooSmall();
  if (count > MAX_BATCH_CUSTOMERS) throw rejections.batchTooLarge();
  if (command.customers.length !== count) throw rejections.batchCountMismatch(command.customers.length, count);
  const customers = command.customers.map((customer) => ({ customerId: customer.customerId, ...checkCredentials(customer) }));
  // uniqueness inside the batch; across batches it is the service's unique indexes.
  for (const field of ['customerId', 'accountNumber', 'sipUsername', 'portalUsername'] as const) {
    const seen = new Set<string>();
    for (const customer of customers) {
      if (seen.has(customer[field])) throw rejections.batchDuplicate(LABELS[field], customer[field]);
      seen.add(customer[field]);
    }
  }
  return customers;
}

const LABELS = { customerId: 'customer id', accountNumber: 'account number', sipUsername: 'SIP username', portalUsername: 'portal username' } as const;
