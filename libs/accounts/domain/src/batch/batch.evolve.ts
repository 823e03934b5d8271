import { invariant } from '@billing/decider';
import { MAX_BATCH_CUSTOMERS, MIN_BATCH_CUSTOMERS } from '../shared/limits.js';
import { assertBillingTerms } from '../terms/billing-terms.js';
import type { BatchEvent } from './batch.events.js';
import type { BatchState } from './batch.state.js';

export function evolveBatch(state: BatchState, event: BatchEvent): BatchState {
  invariant(state.status === 'none', `batch ${event.batchId} opened twice`);
  invariant(event.count === event.customers.length, `batch ${event.batchId}: count ${event.count} but ${event.customers.length} customers`);
  invariant(event.count >= MIN_BATCH_CUSTOMERS && event.count <= MAX_BATCH_CUSTOMERS, `batch ${event.batchId}: ${event.count} customers is out of bounds`);
  assertBillingTerms(event, `batch ${event.batchId}`);
  return { status: 'opened', batchId: event.batchId, customerIds: event.customers.map((customer) => customer.customerId) };
}
