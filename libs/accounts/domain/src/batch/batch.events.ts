import type { InitialBalanceSource } from '../customer/customer.state.js';
import type { Audit } from '../shared/command-meta.js';
import type { CustomerTerms } from '../terms/billing-terms.js';
import type { BatchCustomer } from './batch.commands.js';
import type { CustomerFeatures } from '../features/features.types.js';

/** Everything needed to open each customer (customerCommandsOfBatch), even after a crash. */
export interface BatchOpened extends CustomerTerms, Audit {
  type: 'BatchOpened';
  batchId: string;
  profileId: string;
  agentId: string | null;
  initialBalanceSource: InitialBalanceSource;
  count: number;
  customers: BatchCustomer[];
  /** the profile's features every customer gets (absent in batches recorded before features: the defaults). */
  features?: CustomerFeatures;
}

export type BatchEvent = BatchOpened;
