import type { InitialBalanceSource } from '../customer/customer.state.js';
import type { CommandMeta } from '../shared/command-meta.js';
import type { CustomerTerms } from '../terms/billing-terms.js';
import type { CustomerFeatures } from '../features/features.types.js';

/** One customer of a batch, with everything generated outside the domain. */
export interface BatchCustomer {
  customerId: string;
  accountNumber: string;
  sipUsername: string;
  /** md5(sipUsername:realm:password); the clear password goes to the caller once, never here. */
  sipHa1: string;
  portalUsername: string;
}

/**
 * ITC opens `count` customers from one profile for one agent (or ITC-direct), all with the
 * terms resolveCustomerTerms gave for that profile and agent.
 */
export interface OpenCustomerBatch extends CustomerTerms {
  type: 'OpenCustomerBatch';
  batchId: string;
  count: number;
  profileId: string;
  agentId: string | null;
  initialBalanceSource: InitialBalanceSource;
  customers: BatchCustomer[];
  /** the profile's features (absent = DEFAULT_FEATURES). */
  features?: CustomerFeatures;
  meta: CommandMeta;
}

export type BatchCommand = OpenCustomerBatch;
